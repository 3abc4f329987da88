package nl.meedoen.residents;

/** Why a file ended; files are ended, never deleted. */
public enum EndReason {

    MOVED_AWAY, DECEASED, FILE_CLOSED

}
