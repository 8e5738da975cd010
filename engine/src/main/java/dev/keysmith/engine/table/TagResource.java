package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Storage;
import java.util.SortedMap;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;

/** TagResource: adds tags to a table (a key already present gets the new value). */
final class TagResource {
    private TagResource() {}

    static TagResourceResponse execute(
            Storage storage, Catalog catalog, EngineConfig config, TagResourceRequest request) {
        if (!request.hasTags()) {
            throw Errors.validation(
                    "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not"
                            + " be null");
        }
        SortedMap<String, String> added = Tags.validate(request.tags(), "tags");
        storage.write(tx -> {
            TableDef table = Tags.resolve(tx, catalog, config, request.resourceArn());
            SortedMap<String, String> tags = Tags.read(tx, table);
            tags.putAll(added);
            Tags.checkCount(tags.size());
            Tags.write(tx, table, tags);
            return null;
        });
        return TagResourceResponse.builder().build();
    }
}
