package com.relais.crm.dataexchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a file of rows as a stream, pushing each row to the consumer as it is read, so no file of any length is
 * held in memory. The first row is the header.
 */
interface SheetReader {
  interface Rows {
    void header(List<String> names);

    /** {@code number} is the row's number as a person sees it in the file (the header is row 1). */
    void row(int number, List<String> values);
  }

  void read(Path file, Rows rows) throws IOException;
}
