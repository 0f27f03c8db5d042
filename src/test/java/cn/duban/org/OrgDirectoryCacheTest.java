package cn.duban.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The directory's names are kept in memory per directory version: a change made here is seen at once, one made by
 * another node (rows and version written straight to the database) as soon as the version is read again — at the
 * next request inside one, at the next transaction outside a request, else on every use.
 */
@JdbcTest
@Import(OrgDirectory.class)
class OrgDirectoryCacheTest {

    @Autowired
    OrgDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    /** Another node adds a unit: its rows, and the version raised with them, unless {@code bump} is false. */
    private void elsewhere(String code, String name, boolean bump) {
        jdbc.sql("insert into unit (code, name) values (?, ?)").params(code, name).update();
        if (bump) {
            jdbc.sql("update org_version set version = version + 1 where id = 1").update();
        }
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // neither a request nor a transaction: every use reads it
    void aChangeHereIsSeenAtOnceAndOneElsewhereWithTheNextVersion() {
        directory.addUnit(new Unit("hu", "市户局", null));
        assertThat(directory.resolve("市户局")).containsExactly("hu");
        directory.addGroup("户局们", List.of("hu"));
        assertThat(directory.resolveAll(List.of("户局们", "hu", "无名局"))).containsExactly("hu");

        elsewhere("wai", "市外局", false);
        assertThat(directory.resolve("市外局")).as("the same version: the names kept").isEmpty();
        jdbc.sql("update org_version set version = version + 1 where id = 1").update();
        assertThat(directory.resolve("市外局")).as("a new version: read again").containsExactly("wai");
        assertThat(directory.unit("wai")).map(Unit::name).contains("市外局");
    }

    @Test
    void aRequestReadsTheVersionOnce() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(directory.resolve("市内局")).isEmpty();
        elsewhere("nei", "市内局", true);
        assertThat(directory.resolve("市内局")).as("the request's version").isEmpty();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(directory.resolve("市内局")).as("the next request's").containsExactly("nei");
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aTransactionOutsideARequestReadsTheVersionOnce() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            assertThat(directory.resolve("市事局")).isEmpty();
            elsewhere("shi", "市事局", true);
            assertThat(directory.resolve("市事局")).as("the transaction's version").isEmpty();
        });
        tx.executeWithoutResult(s -> assertThat(directory.resolve("市事局")).as("the next transaction's").containsExactly("shi"));
        tx.executeWithoutResult(s -> {
            directory.addUnit(new Unit("ben", "市本局", null));
            assertThat(directory.resolve("市本局")).as("a change in the transaction itself: seen at once").containsExactly("ben");
        });
    }
}
