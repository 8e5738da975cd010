package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Storage;
import java.util.SortedMap;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;

/** UntagResource: removes tag keys from a table; a key the table does not have is not an error. */
final class UntagResource {
    private UntagResource() {}

    static UntagResourceResponse execute(
            Storage storage, Catalog catalog, EngineConfig config, UntagResourceRequest request) {
        if (!request.hasTagKeys()) {
            throw Errors.validation(
                    "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must"
                            + " not be null");
        }
        storage.write(tx -> {
            TableDef table = Tags.resolve(tx, catalog, config, request.resourceArn());
            SortedMap<String, String> tags = Tags.read(tx, table);
            request.tagKeys().forEach(tags::remove);
            Tags.write(tx, table, tags);
            return null;
        });
        return UntagResourceResponse.builder().build();
    }
}
