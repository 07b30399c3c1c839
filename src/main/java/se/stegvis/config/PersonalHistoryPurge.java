package se.stegvis.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine-aware migration that removes what earlier versions left in the engine's history: every form-field row
 * ({@code ACT_HI_DETAIL} of type FormProperty) and every historic variable that {@link PersonalDataHistoryLevel} now
 * keeps out ({@code ACT_HI_VARINST}, its {@code ACT_HI_DETAIL} updates and their {@code ACT_GE_BYTEARRAY} values).
 * Runs at every start after the engine is built (idempotent: a database without such rows costs four deletes that
 * find nothing); the forms deployed earlier are read from the engine's own tables first, so their text fields count.
 * The running instances' variables ({@code ACT_RU_VARIABLE}) are not touched: the processes still need them.
 */
@Component
public class PersonalHistoryPurge implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PersonalHistoryPurge.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PersonalDataHistoryPlugin plugin;

    public PersonalHistoryPurge(ProcessEngine engine, NamedParameterJdbcTemplate jdbc,
                                PlatformTransactionManager transactions, PersonalDataHistoryPlugin plugin) {
        // The engine parameter orders this after the engine (and its schema) is built.
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.plugin = plugin;
    }

    @Override
    public void afterPropertiesSet() {
        purge();
    }

    /** What was removed. */
    public record Purged(int formFields, int variables, int details, int byteArrays) {}

    public Purged purge() {
        jdbc.getJdbcTemplate().query("select BYTES_ from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is not null and NAME_ like '%.form'",
                rs -> {
                    byte[] bytes = rs.getBytes(1);
                    if (bytes != null) {
                        plugin.forms().register(bytes);
                    }
                });
        List<String> names = new ArrayList<>(new TreeSet<>(jdbc.getJdbcTemplate().queryForList(
                "select distinct NAME_ from ACT_HI_VARINST", String.class)));
        names.removeIf(name -> !plugin.level().isPersonal(name));
        Purged purged = transaction.execute(status -> {
            int formFields = deleteByteArrays("select BYTEARRAY_ID_ from ACT_HI_DETAIL where TYPE_ = 'FormProperty'", Map.of())
                    + jdbc.update("delete from ACT_HI_DETAIL where TYPE_ = 'FormProperty'", Map.of());
            if (names.isEmpty()) {
                return new Purged(formFields, 0, 0, 0);
            }
            Map<String, Object> byName = Map.of("names", names);
            int byteArrays = deleteByteArrays("select d.BYTEARRAY_ID_ from ACT_HI_DETAIL d join ACT_HI_VARINST v"
                    + " on d.VAR_INST_ID_ = v.ID_ where v.NAME_ in (:names)", byName);
            int details = jdbc.update("delete from ACT_HI_DETAIL where VAR_INST_ID_ in"
                    + " (select ID_ from ACT_HI_VARINST where NAME_ in (:names))", byName);
            byteArrays += deleteByteArrays("select BYTEARRAY_ID_ from ACT_HI_VARINST where NAME_ in (:names)", byName);
            int variables = jdbc.update("delete from ACT_HI_VARINST where NAME_ in (:names)", byName);
            return new Purged(formFields, variables, details, byteArrays);
        });
        if (purged.formFields() + purged.variables() + purged.details() > 0) {
            log.info("Personal data removed from the engine's history: {} form-field rows, {} variables with {} updates"
                    + " and {} stored values", purged.formFields(), purged.variables(), purged.details(), purged.byteArrays());
        }
        return purged;
    }

    private int deleteByteArrays(String idsQuery, Map<String, Object> params) {
        List<String> ids = jdbc.queryForList(idsQuery, params, String.class).stream()
                .filter(id -> id != null).distinct().toList();
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            deleted += jdbc.update("delete from ACT_GE_BYTEARRAY where ID_ in (:ids)",
                    Map.of("ids", ids.subList(from, Math.min(ids.size(), from + 500))));
        }
        return deleted;
    }
}
