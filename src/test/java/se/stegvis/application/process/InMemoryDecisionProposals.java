package se.stegvis.application.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import se.stegvis.application.DecisionProposals;
import se.stegvis.application.domain.DecisionProposal;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.letter.DecisionKind;

/** {@link DecisionProposals} for the process tests' engine: the proposals in a list, the calculation a number. */
class InMemoryDecisionProposals extends DecisionProposals {

    final List<DecisionProposal> recorded = new ArrayList<>();
    private final Clock clock;
    private final LongSupplier calculated;
    String approverGroup = StegvisGroups.TEAMLEDARE;
    /** The application's kind (the delegation table's input). */
    java.util.function.Supplier<String> kind = () -> "ATERANSOKAN";
    boolean emergencyAidOnly;

    InMemoryDecisionProposals(Clock clock, LongSupplier calculated) {
        super(null, null, clock);
        this.clock = clock;
        this.calculated = calculated;
    }

    @Override
    public long calculatedAmount(UUID applicationId) {
        return calculated.getAsLong();
    }

    @Override
    public boolean emergencyAidOnly(UUID applicationId) {
        return emergencyAidOnly;
    }

    @Override
    public String applicationKind(UUID applicationId) {
        return kind.get();
    }

    @Override
    public String approverGroup(UUID applicationId) {
        return approverGroup;
    }

    @Override
    public DecisionProposal propose(UUID applicationId, String taskId, DecisionKind kind, long amount, String reasons,
                                    String proposedBy) {
        DecisionProposal proposal = new DecisionProposal(applicationId, recorded.size() + 1, taskId, kind, amount,
                calculated.getAsLong(), reasons, proposedBy, clock.instant());
        recorded.add(proposal);
        return proposal;
    }

    @Override
    public Optional<DecisionProposal> latest(UUID applicationId) {
        return recorded.stream().filter(p -> p.getApplicationId().equals(applicationId)).reduce((a, b) -> b);
    }

    @Override
    public DecisionProposal current(UUID applicationId) {
        return latest(applicationId).orElseThrow();
    }

    @Override
    public void delegationAnswered(UUID applicationId, boolean requiresAttest) {
        current(applicationId).delegationAnswered(requiresAttest);
    }

    @Override
    public void attested(UUID applicationId, DecisionProposal.AttestOutcome outcome, String approver) {
        current(applicationId).attested(outcome, approver, clock.instant());
    }
}
