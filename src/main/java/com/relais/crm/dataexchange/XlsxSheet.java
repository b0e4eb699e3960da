package com.relais.crm.dataexchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an Excel workbook, read with POI's SAX event API: rows arrive one at a time from the sheet's
 * XML, each cell as Excel shows it (a date as a date, a number without a stray ".0").
 */
class XlsxSheet implements SheetReader {
  @Override
  public void read(Path file, Rows rows) throws IOException {
    try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(workbook);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new RowCollector(rows),
            new DataFormatter(java.util.Locale.FRANCE), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new IOException("The workbook could not be read: " + e.getMessage(), e);
    }
  }

  /** Collects one row's cells (a cell Excel left empty is absent from the XML) and hands the row on. */
  private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final Rows rows;
    private final List<String> cells = new ArrayList<>();
    private boolean headerSeen;

    RowCollector(Rows rows) {
      this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      List<String> values = List.copyOf(cells);
      if (!headerSeen) {
        headerSeen = true;
        rows.header(values);
      } else if (values.stream().anyMatch(value -> !value.isBlank())) {
        rows.row(rowNum + 1, values);
      }
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(formattedValue == null ? "" : formattedValue.strip());
    }
  }
}
