/** The data model, the SQLite project store, import and export, sample data, checks and the estimator. */
package dev.keysmith.modeler;
