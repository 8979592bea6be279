package org.caseledger.api.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the failure of a scheduled task (a checkpoint's sealing, the look for destroyed keys, the completion of erasures,
 * the node's heartbeat) is logged. While the database is out of reach every poll fails, which is expected, is said by
 * the health endpoint, and mends itself at the turn after the database is back: a WARN line without a stack trace. Any
 * other failure is a defect: an ERROR with its stack trace, as Spring would log it.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTaskFailures {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFailures.class);

    @Bean
    ThreadPoolTaskSchedulerCustomizer outagesLoggedAsWarnings() {
        return scheduler -> scheduler.setErrorHandler(ScheduledTaskFailures::logged);
    }

    static void logged(Throwable failure) {
        if (DatabaseUnavailable.causes(failure)) {
            log.warn("A scheduled task found the database out of reach; it runs again at its next turn: {}", DatabaseUnavailable.describe(failure));
        } else {
            log.error("Unexpected error in a scheduled task", failure);
        }
    }
}
