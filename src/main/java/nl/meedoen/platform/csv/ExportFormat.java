package nl.meedoen.platform.csv;

import org.springframework.http.MediaType;

/**
 * The file formats of an export, named as the query parameter {@code format} gives them:
 * semicolon-separated UTF-8 text or an Excel workbook.
 */
public enum ExportFormat {

    csv, xlsx;

    /** The {@code produces} of an export handler that answers either format. */
    public static final String CSV_TYPE = "text/csv";

    /** The media type of an Excel workbook (Office Open XML). */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The media type of the answer. */
    public MediaType mediaType() {
        return this == csv ? MediaType.parseMediaType(CSV_TYPE + ";charset=UTF-8")
                : MediaType.parseMediaType(XLSX_TYPE);
    }

    /** The file name's extension, with its dot. */
    public String extension() {
        return "." + name();
    }

}
