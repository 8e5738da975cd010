package dev.keysmith.engine.table;

import dev.keysmith.engine.EngineConfig;
import dev.keysmith.engine.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * ListTagsOfResource: a table's tags in key order, {@value #PAGE_SIZE} per page; the NextToken is the last key of the
 * page (opaque to callers, as DynamoDB's is).
 */
final class ListTagsOfResource {
    static final int PAGE_SIZE = 10;

    private ListTagsOfResource() {}

    static ListTagsOfResourceResponse execute(
            Storage storage, Catalog catalog, EngineConfig config, ListTagsOfResourceRequest request) {
        SortedMap<String, String> tags = storage.read(tx -> {
            TableDef table = Tags.resolve(tx, catalog, config, request.resourceArn());
            return Tags.read(tx, table);
        });
        SortedMap<String, String> rest = request.nextToken() == null ? tags : tags.tailMap(request.nextToken() + '\0');
        List<Tag> page = new ArrayList<>();
        for (var e : rest.entrySet()) {
            if (page.size() == PAGE_SIZE) {
                break;
            }
            page.add(Tag.builder().key(e.getKey()).value(e.getValue()).build());
        }
        var response = ListTagsOfResourceResponse.builder().tags(page);
        if (rest.size() > PAGE_SIZE) {
            response.nextToken(page.getLast().key());
        }
        return response.build();
    }
}
