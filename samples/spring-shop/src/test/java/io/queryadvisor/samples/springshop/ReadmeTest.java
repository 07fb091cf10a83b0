package io.queryadvisor.samples.springshop;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's table of planted problems names the handler methods and their lines as they are. */
class ReadmeTest {

    private static final Path README = Path.of("README.md");
    private static final Path WEB = Path.of("src/main/java/io/queryadvisor/samples/springshop/web");
    // `web.OrderController.latestOrders` (OrderController.java:27)
    private static final Pattern HANDLER = Pattern.compile("`web\\.(\\w+)\\.(\\w+)` \\((\\w+)\\.java:(\\d+)\\)");

    @Test
    void everyControllerLineInTheTableDeclaresItsHandlerMethod() throws IOException {
        List<String> handlers = handlersInReadme();

        assertThat(handlers).hasSize(20).doesNotHaveDuplicates();
        for (String handler : handlers) {
            String[] parts = handler.split("[.:]");
            List<String> source = Files.readAllLines(WEB.resolve(parts[0] + ".java"));
            int line = Integer.parseInt(parts[2]);
            assertThat(source.get(line - 1)).as(handler).matches("    public .* " + parts[1] + "\\(.*");
        }
    }

    @Test
    void theTableNamesEveryHandlerMethodOfTheShop() throws IOException, ClassNotFoundException {
        List<String> declared = new ArrayList<>();
        try (Stream<Path> files = Files.list(WEB)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Controller.java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                for (Method method : Class.forName("io.queryadvisor.samples.springshop.web." + name).getDeclaredMethods()) {
                    if (method.isAnnotationPresent(GetMapping.class) || method.isAnnotationPresent(PostMapping.class)) {
                        declared.add(name + "." + method.getName());
                    }
                }
            }
        }

        assertThat(handlersInReadme()).map(handler -> handler.substring(0, handler.indexOf(':')))
                .containsExactlyInAnyOrderElementsOf(declared);
    }

    /** "OrderController.latestOrders:27", ... in the order of the table. */
    private static List<String> handlersInReadme() throws IOException {
        List<String> handlers = new ArrayList<>();
        Matcher matcher = HANDLER.matcher(Files.readString(README));
        while (matcher.find()) {
            assertThat(matcher.group(3)).isEqualTo(matcher.group(1));
            handlers.add(matcher.group(1) + "." + matcher.group(2) + ":" + matcher.group(4));
        }
        return handlers;
    }
}
