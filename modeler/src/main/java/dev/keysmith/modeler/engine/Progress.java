package dev.keysmith.modeler.engine;

/** Receives progress of long work and says whether to stop. */
public interface Progress {

    /** Progress that reports nothing and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} units are finished ({@code total} is -1 when unknown). */
    void update(long done, long total, String message);

    /** Checked between steps and batches; true stops the work as soon as the current request has returned. */
    boolean isCancelled();
}
