/**
 * Import and export: NoSQL Workbench model JSON (2.0 and 3.0), CloudFormation {@code AWS::DynamoDB::Table} (JSON and
 * YAML) and AWS CLI {@code create-table --cli-input-json} files, plus import from live tables on any DynamoDB
 * endpoint ({@link dev.keysmith.modeler.io.LiveTableImport}). Bad input gives an {@link
 * dev.keysmith.modeler.io.ImportException} naming the problem and its location (for a live import, the endpoint).
 */
@NullMarked
package dev.keysmith.modeler.io;

import org.jspecify.annotations.NullMarked;
