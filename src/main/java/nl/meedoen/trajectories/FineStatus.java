package nl.meedoen.trajectories;

import java.util.Set;

/**
 * Where a fine stands in its process under the Awb: proposed with the facts, the notice
 * of intent sent, the person's view recorded, then decided by a team lead; or ended
 * without a fine because the person is not to blame, or withdrawn. Each step may follow
 * only the one before it, so no fine is decided without notice and view.
 */
public enum FineStatus {

    PROPOSED, NOTICE_SENT, VIEW_RECORDED, DECIDED, NOT_BLAMEWORTHY, WITHDRAWN;

    /** The steps that may follow this one; none once the process has ended. */
    public Set<FineStatus> next() {
        return switch (this) {
            case PROPOSED -> Set.of(NOTICE_SENT, NOT_BLAMEWORTHY, WITHDRAWN);
            case NOTICE_SENT -> Set.of(VIEW_RECORDED, NOT_BLAMEWORTHY, WITHDRAWN);
            case VIEW_RECORDED -> Set.of(DECIDED, NOT_BLAMEWORTHY, WITHDRAWN);
            case DECIDED, NOT_BLAMEWORTHY, WITHDRAWN -> Set.of();
        };
    }

    /** Whether the process is still running. */
    public boolean open() {
        return !next().isEmpty();
    }

}
