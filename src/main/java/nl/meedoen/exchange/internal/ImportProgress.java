package nl.meedoen.exchange.internal;

import java.util.UUID;

import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far a confirmation has come, in its own short transactions: another request (the
 * import's page, refreshed) sees the count while the confirmation's own transaction is
 * still open.
 */
@Component
class ImportProgress {

    private final JdbcClient jdbc;

    ImportProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void report(UUID importId, int rowsDone) {
        jdbc.sql("""
                update coa_import_progress set rows_done = :done, updated_at = now()
                where municipality_id = :m and import_id = :id""")
            .param("done", rowsDone)
            .param("m", Tenancy.require())
            .param("id", importId)
            .update();
    }

    @Transactional(readOnly = true)
    public int done(UUID importId) {
        return jdbc.sql("select rows_done from coa_import_progress where municipality_id = :m and import_id = :id")
            .param("m", Tenancy.require())
            .param("id", importId)
            .query(Integer.class)
            .optional()
            .orElse(0);
    }

}
