package com.relais.crm.dataexchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * A CSV file as people export them: comma, semicolon (French spreadsheets), tab or pipe, whichever the header line
 * uses most; UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or else Windows-1252, the encoding of
 * an older Excel export.
 */
class CsvSheet implements SheetReader {
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /** Enough of the file to tell its encoding and the header's delimiter. */
  private static final int SAMPLE = 64 * 1024;

  @Override
  public void read(Path file, Rows rows) throws IOException {
    byte[] sample = sample(file);
    try (InputStream bytes = Files.newInputStream(file);
         BOMInputStream unmarked = BOMInputStream.builder().setInputStream(bytes)
             .setByteOrderMarks(org.apache.commons.io.ByteOrderMark.UTF_8, org.apache.commons.io.ByteOrderMark.UTF_16LE,
                 org.apache.commons.io.ByteOrderMark.UTF_16BE).get()) {
      Charset charset = unmarked.hasBOM() ? Charset.forName(unmarked.getBOMCharsetName()) : guess(sample);
      Reader reader = new java.io.InputStreamReader(unmarked, charset);
      char delimiter = delimiterOf(firstLine(sample, charset));
      CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
          .setTrim(true).get();
      try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
        boolean header = true;
        for (CSVRecord record : parser) {
          List<String> values = new ArrayList<>(record.size());
          record.forEach(values::add);
          if (header) {
            rows.header(values);
            header = false;
          } else {
            rows.row((int) record.getRecordNumber(), values);
          }
        }
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  private static byte[] sample(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SAMPLE);
    }
  }

  /** UTF-8 when the sample decodes as UTF-8 (a cut character at the very end aside), else Windows-1252. */
  static Charset guess(byte[] sample) {
    int end = sample.length;
    // the sample may end in the middle of a multi-byte character
    while (end > 0 && end > sample.length - 3 && (sample[end - 1] & 0xC0) == 0x80) {
      end--;
    }
    if (end > 0 && end < sample.length && (sample[end - 1] & 0xC0) == 0xC0) {
      end--;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, 0, end));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return WINDOWS_1252;
    }
  }

  private static String firstLine(byte[] sample, Charset charset) {
    String text = new String(sample, charset);
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  static char delimiterOf(String headerLine) {
    char best = ',';
    long most = 0;
    for (char delimiter : DELIMITERS) {
      long count = headerLine.chars().filter(c -> c == delimiter).count();
      if (count > most) {
        most = count;
        best = delimiter;
      }
    }
    return best;
  }
}
