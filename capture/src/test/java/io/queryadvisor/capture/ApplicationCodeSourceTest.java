package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Which code sources are the application's own: read from the location a class was loaded from. */
class ApplicationCodeSourceTest {

    private static final Path MAIN_JAR = Path.of("/srv/shop/shop.jar");

    @Test
    void aClassesDirectoryIsTheApplications() {
        assertThat(ApplicationCodeSource.isApplicationLocation("file:/home/dev/shop/target/classes/", null)).isTrue();
    }

    @Test
    void springBootsBootInfClassesIsTheApplications() {
        assertThat(ApplicationCodeSource.isApplicationLocation("jar:nested:/srv/shop/shop.jar/!BOOT-INF/classes/!/", null))
                .isTrue();
        assertThat(ApplicationCodeSource.isApplicationLocation("jar:file:/srv/shop/shop.jar!/BOOT-INF/classes!/", null))
                .isTrue();
    }

    @Test
    void aJarNestedInBootInfLibIsALibrary() {
        assertThat(ApplicationCodeSource.isApplicationLocation(
                "jar:nested:/srv/shop/shop.jar/!BOOT-INF/lib/spring-core-6.2.jar!/", MAIN_JAR)).isFalse();
    }

    @Test
    void aWarsWebInfClassesIsTheApplicationsAndItsWebInfLibIsNot() {
        assertThat(ApplicationCodeSource.isApplicationLocation("file:/opt/tomcat/webapps/shop/WEB-INF/classes/", null))
                .isTrue();
        assertThat(ApplicationCodeSource.isApplicationLocation("file:/opt/tomcat/webapps/shop/WEB-INF/lib/hibernate.jar",
                null)).isFalse();
    }

    @Test
    void theJarTheJvmWasStartedWithIsTheApplicationsAndAnyOtherJarIsALibrary() {
        assertThat(ApplicationCodeSource.isApplicationLocation("file:/srv/shop/shop.jar", MAIN_JAR)).isTrue();
        assertThat(ApplicationCodeSource.isApplicationLocation("file:/srv/shop/lib/hikari.jar", MAIN_JAR)).isFalse();
    }

    @Test
    void theMainJarIsTheFirstWordOfTheJavaCommandWhenItIsAJar() {
        assertThat(ApplicationCodeSource.mainJar("/srv/shop/shop.jar --port 8080", name -> null)).isEqualTo(MAIN_JAR);
    }

    @Test
    void theMainJarIsTheJarOfTheMainClassWhenTheCommandNamesAClass() throws Exception {
        URL mainClass = new URL("jar:file:/srv/shop/shop.jar!/com/shop/Main.class");

        assertThat(ApplicationCodeSource.mainJar("com.shop.Main --port 8080",
                name -> name.equals("com/shop/Main.class") ? mainClass : null)).isEqualTo(MAIN_JAR);
    }

    @Test
    void thereIsNoMainJarWhenTheMainClassComesFromADirectory() throws Exception {
        URL mainClass = new URL("file:/home/dev/shop/target/classes/com/shop/Main.class");

        assertThat(ApplicationCodeSource.mainJar("com.shop.Main", name -> mainClass)).isNull();
    }
}
