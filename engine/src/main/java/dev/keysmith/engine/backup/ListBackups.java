package dev.keysmith.engine.backup;

import dev.keysmith.engine.error.Errors;
import dev.keysmith.engine.storage.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;

/**
 * ListBackups: the backups oldest first, filtered by table name, creation time ({@code TimeRangeLowerBound} inclusive,
 * {@code TimeRangeUpperBound} exclusive) and backup type (every backup here is a USER backup), paged with {@code
 * ExclusiveStartBackupArn}/{@code LastEvaluatedBackupArn}.
 */
final class ListBackups {
    static final int MAX_LIMIT = 100;

    private ListBackups() {}

    static ListBackupsResponse execute(Storage storage, ListBackupsRequest request) {
        Integer limit = request.limit();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            String rule = limit < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to " + MAX_LIMIT;
            throw Errors.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: " + rule);
        }
        BackupTypeFilter type = request.backupType();
        boolean userBackups = type == null || type == BackupTypeFilter.USER || type == BackupTypeFilter.ALL;
        Instant from = request.timeRangeLowerBound();
        Instant to = request.timeRangeUpperBound();
        List<Backup> matching = new ArrayList<>();
        for (Backup b : storage.read(Backup::all)) {
            if (userBackups
                    && (request.tableName() == null
                            || request.tableName().equals(b.table().name()))
                    && (from == null || !b.created().isBefore(from))
                    && (to == null || b.created().isBefore(to))) {
                matching.add(b);
            }
        }
        int start = 0;
        if (request.exclusiveStartBackupArn() != null) {
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).arn().equals(request.exclusiveStartBackupArn())) {
                    start = i + 1;
                }
            }
        }
        int end = limit == null ? matching.size() : Math.min(matching.size(), start + limit);
        List<BackupSummary> page = new ArrayList<>();
        for (Backup b : matching.subList(start, end)) {
            page.add(b.summary());
        }
        var response = ListBackupsResponse.builder().backupSummaries(page);
        if (end < matching.size()) {
            response.lastEvaluatedBackupArn(matching.get(end - 1).arn());
        }
        return response.build();
    }
}
