package com.relais.crm.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A context class loader for /engine-rest requests that remembers the {@code META-INF/services} files, where they are
 * and what they say. The engine's REST layer finds its process engine through {@code ServiceLoader} on every request,
 * twice (the authentication filter and each resource's constructor). Each look-up searched every jar of the class
 * path, about one request's CPU in twenty (docs/performance.md); and once found, each file was opened in its jar and
 * read again, another one in sixty of B's CPU. The files do not change while the service runs, so each is read once
 * and handed out from memory under a URL of its own. Everything else, classes included, is left to the parent loader.
 */
final class RememberedServiceFiles extends ClassLoader {
  private static final String SERVICES = "META-INF/services/";
  private static final String PROTOCOL = "remembered";

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
      urls = readOnce(Collections.list(getParent().getResources(name)));
      found.put(name, urls);
    }
    return Collections.enumeration(urls);
  }

  private static List<URL> readOnce(List<URL> files) throws IOException {
    List<URL> remembered = new ArrayList<>(files.size());
    for (URL file : files) {
      byte[] content;
      try (InputStream in = file.openStream()) {
        content = in.readAllBytes();
      }
      // the original address stays readable in the URL, for whoever logs where a provider came from
      remembered.add(new URL(PROTOCOL, null, -1, file.toExternalForm(), new Content(content)));
    }
    return List.copyOf(remembered);
  }

  /** Serves one remembered file's bytes. */
  private static final class Content extends URLStreamHandler {
    private final byte[] bytes;

    Content(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    protected URLConnection openConnection(URL url) {
      return new URLConnection(url) {
        @Override
        public void connect() {
          connected = true;
        }

        @Override
        public InputStream getInputStream() {
          return new ByteArrayInputStream(bytes);
        }
      };
    }
  }
}
