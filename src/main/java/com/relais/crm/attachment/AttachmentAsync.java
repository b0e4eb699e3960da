package com.relais.crm.attachment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Text extraction runs on two threads of its own: a burst of uploads queues here instead of on request threads.
 * Scheduling drives the {@link StraySweep}.
 */
@Configuration
@EnableAsync
@EnableScheduling
class AttachmentAsync {
  static final String EXECUTOR = "textExtractionExecutor";

  @Bean(name = EXECUTOR, destroyMethod = "shutdown")
  ThreadPoolTaskExecutor textExtractionExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(2);
    executor.setMaxPoolSize(2);
    executor.setQueueCapacity(1000);
    executor.setThreadNamePrefix("text-extraction-");
    executor.initialize();
    return executor;
  }
}
