package org.caseledger.api.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.problems.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The throttle is there where staff sign in with passwords, and its numbers must make sense to start. */
class SignInConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Collaborators.class, SignInConfiguration.class)
            .withPropertyValues("ledger.sign-in.account.allowance=5", "ledger.sign-in.account.first-lock=30s",
                    "ledger.sign-in.account.max-lock=15m", "ledger.sign-in.account.forget-one-every=15m",
                    "ledger.sign-in.address.allowance=20", "ledger.sign-in.address.first-lock=30s",
                    "ledger.sign-in.address.max-lock=15m", "ledger.sign-in.address.forget-one-every=5m", "ledger.sign-in.max-tracked=10000");

    @Test
    void theConfiguredUsersModeHasTheThrottle() {
        context.run(started -> assertThat(started).hasNotFailed().hasSingleBean(SignInThrottle.class).hasSingleBean(SignInOutcomes.class)
                .hasBean("signInGuard"));
    }

    @Test
    void theIdentityProviderModeHasNoPasswordsAndNoThrottle() {
        context.withPropertyValues("ledger.security.mode=oidc").run(started -> assertThat(started).hasNotFailed()
                .doesNotHaveBean(SignInThrottle.class).doesNotHaveBean("signInGuard"));
    }

    @Test
    void aLockShorterThanTheFirstOrNoAllowanceRefusesToStartAndSaysWhichSetting() {
        context.withPropertyValues("ledger.sign-in.account.max-lock=10s").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("ledger.sign-in.account."));
        context.withPropertyValues("ledger.sign-in.address.allowance=0").run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("ledger.sign-in.address."));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SignInProperties.class)
    static class Collaborators {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        AccessLog accessLog() {
            return mock(AccessLog.class);
        }

        @Bean
        Problems problems() {
            return mock(Problems.class);
        }
    }
}
