package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Overview in a real browser, for a reader who is not signed in and for a signed-in monitor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewPageTest {
    @RegisterExtension
    final Dashboard web = new Dashboard();

    @Test
    void an_anonymous_reader_sees_the_phases_and_gates() {
        var b = web.browser();
        b.logout();
        b.open("index");
        assertThat(b.find("#title").getText()).contains("Gaza");
        assertThat(b.findAll("#phases tbody tr")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(b.findAll("#gates li[data-open=true]")).isNotEmpty();
        assertThat(b.findAll("#gates li[data-open=false]")).isNotEmpty();
        assertThat(b.find("#sign-in").getText()).isEqualTo("Sign in");
        b.screenshot("overview-anonymous");
        b.assertNoConsoleErrors();
    }

    @Test
    void a_signed_in_monitor_sees_their_name_and_role() {
        var b = web.browser();
        b.login("mona");
        b.open("index");
        assertThat(b.find("#whoami").getText()).isEqualTo("mona (monitor, UNOPS)");
        assertThat(b.findAll("#gates li")).isNotEmpty();
        b.screenshot("overview-monitor");
        b.assertNoConsoleErrors();
        b.logout();
    }
}
