package com.relais.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Text extraction on its own: what it keeps in memory while it reads a large document. */
class TextExtractionTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final AttachmentRepository rows = mock(AttachmentRepository.class);
  private final AttachmentStore store = mock(AttachmentStore.class);
  private final TextExtraction extraction = new TextExtraction(rows, store, new AttachmentProperties(
      DataSize.ofMegabytes(20), List.of("application/pdf"), 1_000_000, Duration.ofHours(1)));

  @Test
  void aLargePdfIsReadFromATemporaryCopyNotIntoTheHeap() throws Exception {
    byte[] small = pdf("warm up", 10);
    byte[] large = pdf("Pallet contract with a large scan", 2200);
    assertThat(large.length).isGreaterThan(12 * 1024 * 1024);
    when(store.get("small")).thenReturn(new ByteArrayInputStream(small));
    when(store.get("large")).thenReturn(new ByteArrayInputStream(large));
    // fonts, parsers and caches are loaded on the first document
    extraction.extract(new AttachmentStored(1, "small", "application/pdf"));

    long before = THREADS.getCurrentThreadAllocatedBytes();
    extraction.extract(new AttachmentStored(2, "large", "application/pdf"));
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

    verify(rows).storeText(eq(2L), eq("Pallet contract with a large scan"), eq(TextStatus.DONE));
    // read from a stream, PDFBox would first copy the whole file into the heap
    assertThat(allocated).as("bytes allocated extracting a %d-byte PDF", large.length).isLessThan(large.length / 2);
  }

  @Test
  void aFailureMarksTheAttachmentFailed() {
    when(store.get("broken")).thenReturn(new ByteArrayInputStream("%PDF-1.7 and then nothing".getBytes()));
    extraction.extract(new AttachmentStored(3, "broken", "application/pdf"));
    verify(rows).storeText(eq(3L), eq(null), eq(TextStatus.FAILED));
  }

  /** A one-page PDF with {@code text} and a {@code side}-pixel square of noise, which compresses to nothing. */
  private static byte[] pdf(String text, int side) throws Exception {
    BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(side);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        noise.setRGB(x, y, random.nextInt());
      }
    }
    return Uploads.pdf(text, noise);
  }
}
