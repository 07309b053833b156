package dev.studybuddy.query.export;

import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The caller's e-mail address, which only command-side's identity holds (docs/adr/0004): read from its
 * {@code GET /api/users/me/email} with the export grant ({@link CallerGrant}). Empty when the account has no address;
 * any other failure is {@link NotAnswering}.
 */
@Component
class AccountAddress {

    private final RestClient http;

    AccountAddress(ExportProperties properties, RestClient.Builder builder) {
        this.http = ServiceCalls.to(properties.commandSideUrl(), properties.callTimeout(), builder);
    }

    Optional<Address> of(String grant) {
        try {
            return Optional.ofNullable(http.get()
                    .uri("/api/users/me/email")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + grant)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(Address.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw new NotAnswering("command-side", e);
        } catch (RestClientException e) {
            throw new NotAnswering("command-side", e);
        }
    }

    record Address(String email, boolean verified) {}
}
