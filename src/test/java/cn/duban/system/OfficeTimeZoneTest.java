package cn.duban.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Times are the office's (duban.zone, Asia/Shanghai by default) whatever zone the server's clock is set to. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OfficeTimeZoneTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Test
    void pagesShowTheOfficesTime() throws Exception {
        assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(OFFICE);
        String page = mvc.perform(get("/dashboard").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString();
        Matcher shown = Pattern.compile("数据时间 (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})").matcher(page);
        assertThat(shown.find()).as("the dashboard says when its figures were computed").isTrue();
        LocalDateTime at = LocalDateTime.parse(shown.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(Duration.between(at, LocalDateTime.now(OFFICE)).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
