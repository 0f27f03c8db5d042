package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;

/** No controller calls another controller: both call the feature's service. */
class ControllersTest {

    @Test
    void noControllerDependsOnAnotherController() {
        List<Class<?>> controllers = controllers();
        assertThat(controllers).extracting(Class::getSimpleName)
                .contains("DirectoryPages", "RulesPages", "LedgerPages", "Downloads", "UserController", "RulesController");
        List<String> calls = new ArrayList<>();
        for (Class<?> controller : controllers) {
            Stream.concat(Stream.of(controller.getDeclaredConstructors()).map(Constructor::getParameterTypes).flatMap(Stream::of),
                            Stream.of(controller.getDeclaredFields()).map(Field::getType))
                    .filter(ControllersTest::isController).distinct()
                    .forEach(other -> calls.add(controller.getName() + " -> " + other.getName()));
        }
        assertThat(calls).isEmpty();
    }

    /** Page controllers live next to their features; web/ keeps only what all pages share. */
    @Test
    void webHoldsNoPageController() {
        assertThat(controllers()).filteredOn(c -> c.getPackageName().equals("cn.duban.web")).isEmpty();
    }

    private static List<Class<?>> controllers() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class)); // @RestController too
        return scanner.findCandidateComponents("cn.duban").stream()
                .map(d -> ClassUtils.resolveClassName(d.getBeanClassName(), ControllersTest.class.getClassLoader()))
                .<Class<?>>map(c -> c).toList();
    }

    private static boolean isController(Class<?> type) {
        return AnnotatedElementUtils.hasAnnotation(type, Controller.class);
    }
}
