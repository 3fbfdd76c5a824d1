package org.ecovalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.ecovalue.dashboard.config.DashboardSetting;
import org.junit.jupiter.api.Test;

class DashboardCommandTest {

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void dashboard_help_lists_every_setting_with_its_environment_variable_and_default() {
        assertThat(run("dashboard", "--help")).isZero();
        String help = out.toString();
        assertThat(help).contains("--config").contains("--kafka").contains("--port");
        for (DashboardSetting s : DashboardSetting.values()) {
            assertThat(help).contains(s.key()).contains(s.env());
        }
        assertThat(help).contains("ECOVALUE_DASHBOARD_HTTP_PORT").contains("8080");
    }

    @Test
    void the_top_level_help_names_the_dashboard() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("dashboard");
    }

    @Test
    void a_missing_config_file_is_bad_usage_in_one_line() {
        assertThat(run("dashboard", "--config", "no/such/dashboard.properties")).isEqualTo(EcoValueCommand.BAD_USAGE);
        assertThat(err.toString()).startsWith("ecovalue dashboard: ").contains("no/such/dashboard.properties")
                .doesNotContain("\tat ");
    }

    @Test
    void an_unknown_setting_in_the_config_file_is_bad_usage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("dashboard.properties");
        java.nio.file.Files.writeString(file, "http.prot=8080\n");
        assertThat(run("dashboard", "--config", file.toString())).isEqualTo(EcoValueCommand.BAD_USAGE);
        assertThat(err.toString()).contains("unknown setting 'http.prot'");
    }

    @Test
    void a_port_that_is_not_a_number_is_bad_usage() {
        assertThat(run("dashboard", "--port", "eighty")).isEqualTo(EcoValueCommand.BAD_USAGE);
    }
}
