package dev.keysmith.engine.table;

import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

final class DescribeTableValidator {
    private DescribeTableValidator() {}

    static void validate(DescribeTableRequest request) {
        Constraints c = new Constraints();
        Shapes.tableName(c, request.tableName());
        c.check();
    }
}
