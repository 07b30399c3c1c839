package se.stegvis.payment;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wiring for payments: Spring's scheduler for the daily payment file ({@link PaymentFileJob}). "Today" comes from the
 * application's clock (config/TimeConfig), which follows the engine's.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PaymentConfig {}
