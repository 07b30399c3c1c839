package se.stegvis.payment.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.client.ClientAccess;
import se.stegvis.client.domain.PayoutAccount;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.RequestValues;
import se.stegvis.payment.PayoutAccountService;
import se.stegvis.payment.domain.PayoutAccountChange;

/**
 * A client's payout account (utbetalningskonto), changed only here, by caseworkers and team leaders who may see the
 * client ({@link ClientAccess}: a client they may not see is unknown, 404). Every change is audited (who, when, old and
 * new account masked) and the client gets a notice; payments already decided keep the account of their decision.
 * <ul>
 *   <li>{@code GET /api/klienter/{clientId}/utbetalningskonto}: the account (masked), the accounts given with
 *       applications that wait for confirmation, the changes and the notices.</li>
 *   <li>{@code PUT} {@code {"accountHolder", "iban"} | {"accountHolder", "clearingNumber", "accountNumber"}}: changes
 *       it; 400 naming the field (a name the bank file cannot carry: {@code accountHolder}).</li>
 *   <li>{@code POST .../begaran/{requestId}/bekrafta} and {@code .../avvisa}: takes a waiting account into use, or not.</li>
 * </ul>
 */
@RestController
@PreAuthorize("hasAnyAuthority('handlaggare','teamledare','skyddad')")
public class PayoutAccountController {

    public static final String PATH = "/api/klienter/{clientId}/utbetalningskonto";
    static final String WHAT = "utbetalningskonto";

    public record AccountRequest(String accountHolder, String iban, String clearingNumber, String accountNumber) {}

    /** The account masked, e.g. {@code konto ****4567}; the holder's name only for a waiting request to check it by. */
    public record WaitingRequest(UUID id, UUID applicationId, Instant receivedAt, String account, String accountHolder) {}

    public record Change(Instant changedAt, String changedBy, String oldAccount, String newAccount, String channel,
                         int paymentsFilled) {}

    public record Notice(UUID id, String kind, String text, Instant createdAt) {}

    public record AccountResponse(UUID clientId, String account, boolean changed, int paymentsFilled,
                                  List<WaitingRequest> waiting, List<Change> changes, List<Notice> notices) {}

    private final ClientAccess access;
    private final PayoutAccountService accounts;

    public PayoutAccountController(ClientAccess access, PayoutAccountService accounts) {
        this.access = access;
        this.accounts = accounts;
    }

    @GetMapping(PATH)
    public AccountResponse get(@PathVariable String clientId, Authentication user) {
        UUID id = visible(clientId, user);
        return response(id, false, 0);
    }

    @PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    public AccountResponse change(@PathVariable String clientId, @RequestBody(required = false) AccountRequest request,
                                  Authentication user) {
        UUID id = visible(clientId, user);
        if (request == null) {
            throw new InvalidRequestException("accountHolder", "Ange kontohavarens namn och kontot.");
        }
        PayoutAccount account = PayoutAccountService.parse("", request.accountHolder(), request.iban(),
                request.clearingNumber(), request.accountNumber());
        var changed = accounts.change(id, account, user.getName(), PayoutAccountChange.Channel.API);
        return response(id, changed.changed(), changed.paymentsFilled());
    }

    @PostMapping(PATH + "/begaran/{requestId}/bekrafta")
    public AccountResponse confirm(@PathVariable String clientId, @PathVariable String requestId, Authentication user) {
        UUID id = visible(clientId, user);
        var changed = accounts.confirm(id, RequestValues.id(requestId, "Begäran finns inte."), user.getName());
        return response(id, changed.changed(), changed.paymentsFilled());
    }

    @PostMapping(PATH + "/begaran/{requestId}/avvisa")
    public AccountResponse reject(@PathVariable String clientId, @PathVariable String requestId, Authentication user) {
        UUID id = visible(clientId, user);
        accounts.reject(id, RequestValues.id(requestId, "Begäran finns inte."), user.getName());
        return response(id, false, 0);
    }

    private UUID visible(String clientId, Authentication user) {
        UUID id = RequestValues.id(clientId, "Klienten finns inte.");
        access.client(id, user, WHAT);
        return id;
    }

    private AccountResponse response(UUID clientId, boolean changed, int filled) {
        var overview = accounts.overview(clientId);
        return new AccountResponse(clientId, overview.account().map(PayoutAccount::masked).orElse(null), changed, filled,
                overview.waiting().stream().map(r -> new WaitingRequest(r.getId(), r.getApplicationId(),
                        r.getReceivedAt(), r.account().masked(), r.account().accountHolder())).toList(),
                overview.changes().stream().map(c -> new Change(c.getChangedAt(), c.getChangedBy(), c.getOldAccount(),
                        c.getNewAccount(), c.getChannel().name(), c.getPaymentsFilled())).toList(),
                overview.notices().stream().map(n -> new Notice(n.getId(), n.getKind().name(), n.getText(),
                        n.getCreatedAt())).toList());
    }
}
