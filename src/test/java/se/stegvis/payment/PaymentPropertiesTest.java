package se.stegvis.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class PaymentPropertiesTest {

    @Test
    void applicationYamlBindsToTheDocumentedDefaults() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);

        PaymentProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bind("stegvis.payment", PaymentProperties.class).get();

        assertThat(properties.day()).isEqualTo(27);
        assertThat(properties.debtor().name()).isEqualTo("Norrköpings kommun");
        assertThat(properties.debtor().organisationsnummer()).isEqualTo("2120000514");
        assertThat(properties.debtor().bic()).isEqualTo("ESSESESS");
        assertThat(properties.debtor().iban()).isEqualTo("SE4550000000058398257466");
        assertThat(properties.debtor().identificationScheme()).isEqualTo("BANK");
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> new PaymentProperties(0, debtor("212000-0514", "ESSESESS", "SE4550000000058398257466")))
                .hasMessageContaining("stegvis.payment.day");
        assertThatThrownBy(() -> debtor("212000-0515", "ESSESESS", "SE4550000000058398257466"))
                .hasMessageContaining("Kontrollsiffran");
        assertThatThrownBy(() -> debtor("21200005", "ESSESESS", "SE4550000000058398257466"))
                .hasMessageContaining("10 siffror");
        assertThatThrownBy(() -> debtor("212000-0514", "essesess", "SE4550000000058398257466"))
                .hasMessageContaining("BIC");
        assertThatThrownBy(() -> debtor("212000-0514", "ESSESESS", "SE4550000000058398257467"))
                .hasMessage("Kontrollsiffrorna i IBAN stämmer inte");
        assertThatThrownBy(() -> debtor("212000-0514", "ESSESESS", "SE455000000005839825746"))
                .hasMessage("IBAN för SE ska ha 24 tecken");
    }

    private static PaymentProperties.Debtor debtor(String orgnr, String bic, String iban) {
        return new PaymentProperties.Debtor("Norrköpings kommun", orgnr, bic, iban, "BANK");
    }
}
