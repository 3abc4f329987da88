package nl.meedoen.signals;

/**
 * Where an outreach report stands: reported, a first conversation held, a file opened
 * because the resident wanted one, or closed without a file.
 */
public enum OutreachStatus {

    REPORTED, CONTACTED, FILE_OPENED, CLOSED

}
