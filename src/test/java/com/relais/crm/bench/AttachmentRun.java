package com.relais.crm.bench;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario C: files of 1 to 20 MB through POST /api/attachments (multipart, streamed from disk) against the same
 * files put straight to the same S3 endpoint with the MinIO SDK. Uploads alternate service / direct file by file, so
 * noise hits both. Heap: 40 uploads of 1 MB, then 10 of 20 MB (the same 200 MB), each batch after a full GC.
 */
final class AttachmentRun {
  private static final int MB = 1024 * 1024;
  private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
      .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  double serviceSeconds;
  double directSeconds;
  long bytes;
  long heapPeak1Mb;
  long heapPeak20Mb;
  long heapBase1Mb;
  long heapBase20Mb;
  long heapLive1Mb;
  long heapLive20Mb;
  long collections1Mb;
  long collections20Mb;
  /** service/direct of each round of uploads (one file of each size 1..20 MB, the last round maybe shorter). */
  final List<Double> roundRatios = new ArrayList<>();

  private final String base;
  private final MinioClient minio;
  private final String bucket;
  private final Path dir;
  private final Http admin;

  AttachmentRun(String base, MinioClient minio, String bucket, Path dir) {
    this.base = base;
    this.minio = minio;
    this.bucket = bucket;
    this.dir = dir;
    this.admin = new Http(base, "sales", null, null);
  }

  /** One file of each size 1..20 MB: random bytes after a PNG signature, so Tika accepts them as image/png. */
  private List<Path> files() throws Exception {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    Random random = new Random(42);
    byte[] chunk = new byte[MB];
    for (int size = 1; size <= 20; size++) {
      Path file = dir.resolve("file-" + size + "mb.png");
      if (!Files.exists(file) || Files.size(file) != (long) size * MB) {
        try (var out = Files.newOutputStream(file)) {
          for (int m = 0; m < size; m++) {
            random.nextBytes(chunk);
            if (m == 0) {
              System.arraycopy(PNG_SIGNATURE, 0, chunk, 0, PNG_SIGNATURE.length);
            }
            out.write(chunk);
          }
        }
      }
      files.add(file);
    }
    return files;
  }

  void run(int count) throws Exception {
    List<Path> files = files();
    long customerId = admin.post("/api/customers", java.util.Map.of("name", "Attachment Bench", "category",
        "PROSPECT", "acquisitionSource", "WEBSITE")).json().path("id").asLong();
    // warm-up: both paths once
    upload(files.get(0), customerId);
    direct(files.get(0));

    double cycleService = 0;
    double cycleDirect = 0;
    for (int i = 0; i < count; i++) {
      Path file = files.get(i % files.size());
      long size = Files.size(file);
      long t0 = System.nanoTime();
      String key = upload(file, customerId);
      long t1 = System.nanoTime();
      String directKey = direct(file);
      long t2 = System.nanoTime();
      serviceSeconds += (t1 - t0) / 1e9;
      directSeconds += (t2 - t1) / 1e9;
      bytes += size;
      cycleService += (t1 - t0) / 1e9;
      cycleDirect += (t2 - t1) / 1e9;
      // a round: one file of each size (the same bytes both ways, so the ratio of MB/s is the ratio of the times)
      if ((i + 1) % files.size() == 0 || i == count - 1) {
        roundRatios.add(cycleDirect / cycleService);
        cycleService = 0;
        cycleDirect = 0;
      }
      // keep the disk small: neither copy is needed after timing (the service marks the text as failed)
      remove(directKey);
      remove(key);
    }

    heapPeak(files.get(0), customerId, 40, true);
    heapPeak(files.get(19), customerId, 10, false);
  }

  double serviceMbPerSecond() {
    return bytes / (double) MB / serviceSeconds;
  }

  double directMbPerSecond() {
    return bytes / (double) MB / directSeconds;
  }

  /**
   * The live heap while uploading: the largest heap left after any collection during the batch (a file held whole
   * in memory survives the collections that happen while it is in flight; streamed buffers do not), and the largest
   * used heap sampled every 5 ms (live plus not yet collected garbage).
   */
  private void heapPeak(Path file, long customerId, int uploads, boolean small) throws Exception {
    var memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong afterGc = new AtomicLong(baseline);
    AtomicLong collections = new AtomicLong();
    AtomicLong peak = new AtomicLong(baseline);
    javax.management.NotificationListener listener = (notification, handback) -> {
      if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
          .equals(notification.getType())) {
        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
            (javax.management.openmbean.CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(pool -> HEAP_POOLS.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
        afterGc.accumulateAndGet(used, Math::max);
        collections.incrementAndGet();
      }
    };
    var emitters = ManagementFactory.getGarbageCollectorMXBeans();
    for (var gc : emitters) {
      ((javax.management.NotificationEmitter) gc).addNotificationListener(listener, null, null);
    }
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    try {
      for (int i = 0; i < uploads; i++) {
        remove(upload(file, customerId));
      }
    } finally {
      sampling.set(false);
      sampler.join();
      for (var gc : emitters) {
        ((javax.management.NotificationEmitter) gc).removeNotificationListener(listener);
      }
    }
    if (small) {
      heapPeak1Mb = peak.get();
      heapBase1Mb = baseline;
      heapLive1Mb = afterGc.get();
      collections1Mb = collections.get();
    } else {
      heapPeak20Mb = peak.get();
      heapBase20Mb = baseline;
      heapLive20Mb = afterGc.get();
      collections20Mb = collections.get();
    }
  }

  private String upload(Path file, long customerId) throws Exception {
    String boundary = "bench" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
    var answer = admin.send(HttpRequest.newBuilder(URI.create(base + "/api/attachments?customerId=" + customerId))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
    if (answer.status() != 201) {
      throw new IllegalStateException("upload of " + file + ": " + answer);
    }
    return answer.json().path("id").asText();
  }

  private String direct(Path file) throws Exception {
    String key = "bench-direct/" + UUID.randomUUID();
    try (InputStream in = Files.newInputStream(file)) {
      minio.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(in, Files.size(file), -1)
          .contentType("image/png").build());
    }
    return key;
  }

  /** A direct key is removed from the bucket; an attachment id is looked up and its object removed. */
  private void remove(String keyOrId) {
    try {
      String key = keyOrId;
      if (!keyOrId.startsWith("bench-direct/")) {
        key = objectKeys.apply(Long.parseLong(keyOrId));
      }
      if (key != null) {
        minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
      }
    } catch (Exception e) {
      System.out.println("[bench] could not remove " + keyOrId + ": " + e.getMessage());
    }
  }

  java.util.function.LongFunction<String> objectKeys = id -> null;
}
