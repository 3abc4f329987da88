package nl.meedoen.housing;

/**
 * Why a match was cancelled: the household found a home elsewhere, moved on (another
 * municipality, abroad), or another reason that a note explains.
 */
public enum MatchCancellationReason {

    HOUSED_ELSEWHERE, MOVED_ON, OTHER

}
