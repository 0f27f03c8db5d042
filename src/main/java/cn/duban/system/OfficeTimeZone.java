package cn.duban.system;

import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes the office's time zone ({@code duban.zone}) the JVM's before anything starts: the times the pages show, the
 * dates taken from stored timestamps (completed on time or not) and the timestamps written to the database are
 * then the office's, whatever zone the server's clock is set to (a container on UTC showed times eight hours off).
 */
public class OfficeTimeZone implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String zone = Binder.get(environment).bindOrCreate("duban", Settings.class).zone();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
    }
}
