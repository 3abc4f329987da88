package nl.meedoen.monitoring.web;

/** The file formats of the indicators export, named as the query parameter gives them. */
enum ExportFormat {

    csv, xlsx

}
