package com.relais.crm.identity;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A context class loader for /engine-rest requests that remembers where the {@code META-INF/services} files are.
 * The engine's REST layer finds its process engine through {@code ServiceLoader} on every request, twice (the
 * authentication filter and each resource's constructor), and each look-up searched every jar of the class path:
 * about one request's CPU in twenty (docs/performance.md). The files do not move while the service runs. Everything
 * else, classes included, is left to the parent loader.
 */
final class RememberedServiceFiles extends ClassLoader {
  private static final String SERVICES = "META-INF/services/";

  private final Map<String, List<URL>> found = new ConcurrentHashMap<>();

  RememberedServiceFiles(ClassLoader parent) {
    super(parent);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (!name.startsWith(SERVICES)) {
      return super.getResources(name);
    }
    List<URL> urls = found.get(name);
    if (urls == null) {
      urls = List.copyOf(Collections.list(getParent().getResources(name)));
      found.put(name, urls);
    }
    return Collections.enumeration(urls);
  }
}
