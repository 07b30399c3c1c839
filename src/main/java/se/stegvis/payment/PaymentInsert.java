package se.stegvis.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.payment.domain.Payment;

/**
 * Inserts a new payment unless its decision already has one, decided by the database's unique key on
 * {@code payment.decision_id}, not by a look-up that two engine nodes could both pass. The same holds for a client's
 * regular payment of a month ({@code payment_one_regular_per_month}): the caller tells the two apart.
 *
 * <p>The insert runs in the caller's transaction (so that a decision inserted in the same transaction is visible to
 * the foreign key) behind a savepoint: a unique violation rolls back to the savepoint only, and the caller's
 * transaction stays usable for reading the row the other transaction committed. Plain JDBC, so that the failed row
 * never sits in Hibernate's persistence context.
 */
@Component
class PaymentInsert {

    /** SQLSTATE for a unique violation, in PostgreSQL and H2 alike. */
    static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT = "insert into payment (id, decision_id, client_id, amount, payment_date, status,"
            + " created_at, regular_month, account_holder, bank_clearing, bank_account, iban)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    PaymentInsert(JdbcTemplate jdbc, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    /** @return false when the decision, or the client's month, already has a payment (this one is then not stored) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean insertUnlessDecisionPaid(Payment payment) {
        entityManager.flush(); // the decision may still be pending in this transaction's persistence context
        Boolean inserted = jdbc.execute((ConnectionCallback<Boolean>) connection -> insert(connection, payment));
        return Boolean.TRUE.equals(inserted);
    }

    private static boolean insert(Connection connection, Payment payment) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, payment.getId());
            insert.setObject(2, payment.getDecisionId());
            insert.setObject(3, payment.getClientId());
            insert.setLong(4, payment.getAmount());
            insert.setObject(5, payment.getPaymentDate());
            insert.setString(6, payment.getStatus().name());
            insert.setObject(7, OffsetDateTime.ofInstant(payment.getCreatedAt(), ZoneOffset.UTC));
            insert.setString(8, payment.getRegularMonth());
            var account = payment.payoutAccount();
            insert.setString(9, account.map(a -> a.accountHolder()).orElse(null));
            insert.setString(10, account.map(a -> a.clearingNumber()).orElse(null));
            insert.setString(11, account.map(a -> a.accountNumber()).orElse(null));
            insert.setString(12, account.map(a -> a.iban()).orElse(null));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                connection.rollback(savepoint);
                return false;
            }
            throw e;
        }
        connection.releaseSavepoint(savepoint);
        return true;
    }
}
