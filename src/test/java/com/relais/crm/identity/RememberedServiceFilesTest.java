package com.relais.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;

/** The engine's REST layer finds the same process engine provider, without searching the class path each time. */
class RememberedServiceFilesTest {
  private static final String PROVIDER_FILE = "META-INF/services/" + ProcessEngineProvider.class.getName();

  /** Counts how often each resource name is searched for, and how often a file it found is opened. */
  static final class CountingLoader extends ClassLoader {
    final Map<String, Integer> searches = new ConcurrentHashMap<>();
    final AtomicInteger opened = new AtomicInteger();

    CountingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      searches.merge(name, 1, Integer::sum);
      List<URL> counted = new ArrayList<>();
      for (URL url : Collections.list(super.getResources(name))) {
        counted.add(new URL(url, url.toExternalForm(), new URLStreamHandler() {
          @Override
          protected URLConnection openConnection(URL u) throws IOException {
            opened.incrementAndGet();
            return url.openConnection();
          }
        }));
      }
      return Collections.enumeration(counted);
    }
  }

  private static List<String> providers(ClassLoader loader) {
    return ServiceLoader.load(ProcessEngineProvider.class, loader).stream().map(p -> p.type().getName()).toList();
  }

  @Test
  void theSameProvidersAreFoundAndTheClassPathIsSearchedOnce() throws IOException {
    CountingLoader classPath = new CountingLoader(getClass().getClassLoader());
    RememberedServiceFiles remembered = new RememberedServiceFiles(classPath);
    List<String> expected = providers(getClass().getClassLoader());

    for (int request = 0; request < 3; request++) {
      assertThat(providers(remembered)).isNotEmpty().isEqualTo(expected);
    }
    assertThat(classPath.searches.get(PROVIDER_FILE)).isEqualTo(1);
    int files = Collections.list(getClass().getClassLoader().getResources(PROVIDER_FILE)).size();
    assertThat(classPath.opened).as("each provider file read once, then served from memory").hasValue(files);
  }

  @Test
  void otherResourcesAreSearchedEveryTime() throws IOException {
    CountingLoader classPath = new CountingLoader(getClass().getClassLoader());
    RememberedServiceFiles remembered = new RememberedServiceFiles(classPath);

    remembered.getResources("application.yml");
    remembered.getResources("application.yml");

    assertThat(classPath.searches.get("application.yml")).isEqualTo(2);
  }
}
