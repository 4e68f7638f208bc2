package dev.benchbook.catalog;

/** Progress of a catalog update, file by file (for a progress bar). */
public interface ImportProgress {

  /** Reports nothing. */
  ImportProgress NONE = new ImportProgress() {
    @Override
    public void started(int filesToImport) {
    }

    @Override
    public void fileDone(String file) {
    }
  };

  /** The update found this many new or changed files to read. */
  void started(int filesToImport);

  /** One of them is done (imported, skipped as bad, or found unchanged). */
  void fileDone(String file);
}
