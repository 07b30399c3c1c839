package se.stegvis.application.domain;

import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.Personnummer;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import se.stegvis.norm.domain.AssistanceForm;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.HousingTerms;
import se.stegvis.norm.domain.LawfulResidence;
import se.stegvis.norm.domain.ReasonableCosts;

/** One household's application for one month. The process holds its id; everything else lives here. */
@Entity
@Table(name = "application")
public class Application {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    private Client client;

    @Column(name = "co_applicant_personnummer", length = 12)
    private String coApplicantPersonnummer;

    @Column(name = "for_month", nullable = false, length = 7)
    private String month;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ApplicationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ApplicationStatus status;

    @Column(nullable = false)
    private int adults;

    @Column(name = "children_ages", nullable = false, length = 200)
    private String childrenAges;

    /** Per child, in the order of {@link #childrenAges}: "true" eats lunch at home, "false" not; empty = all do. */
    @Column(name = "children_lunch_at_home", nullable = false, length = 200)
    private String childrenLunchAtHome;

    @Column(name = "others_sharing_household", nullable = false)
    private int othersSharingHousehold;

    @Column(name = "cost_housing", nullable = false)
    private long costHousing;

    @Column(name = "cost_electricity", nullable = false)
    private long costElectricity;

    @Column(name = "cost_work_travel", nullable = false)
    private long costWorkTravel;

    @Column(name = "cost_home_insurance", nullable = false)
    private long costHomeInsurance;

    @Column(name = "cost_union_fund", nullable = false)
    private long costUnionFund;

    @Column(name = "extra_need_description", length = 500)
    private String extraNeedDescription;

    @Column(name = "extra_need_amount", nullable = false)
    private long extraNeedAmount;

    /** What a tilläggsansökan applies for; null for other kinds (and for older extra needs: other living costs). */
    @Enumerated(EnumType.STRING)
    @Column(name = "extra_need_kind", length = 20)
    private ExtraNeedKind extraNeedKind;

    /** Whether the applicant is lawfully resident in Sweden, as applied; null = not recorded (not known). */
    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_residence", length = 10)
    private LawfulResidence lawfulResidence;

    @Column(name = "second_hand_let", nullable = false)
    private boolean secondHandLet;

    /** For a second-hand let: whether the landlord, the bostadsrättsförening or the hyresnämnd consented. */
    @Column(name = "second_hand_let_consent")
    private Boolean secondHandLetConsent;

    /** What the rules on lawful residence gave the application (decision laglig-vistelse); null until checked. */
    @Enumerated(EnumType.STRING)
    @Column(name = "assistance_form", length = 12)
    private AssistanceForm assistanceForm;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_income", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    private List<ApplicationIncome> incomes = new ArrayList<>();

    @Column(name = "idempotency_key", length = 100, unique = true)
    private String idempotencyKey;

    @Column(name = "submitted_by", nullable = false, length = 64)
    private String submittedBy;

    /** SHA-256 of the request that came with the idempotency key (hex), so the key cannot be reused for another. */
    @Column(name = "request_hash", length = 64)
    private String requestHash;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "complete_at")
    private Instant completeAt;

    @Column(name = "investigation_due")
    private LocalDate investigationDue;

    @Column(name = "register_checked", nullable = false)
    private boolean registerChecked;

    /** Why the application waits ({@link ApplicationStatus#VANTAR_PA_RIKSNORM}); no personal data. */
    @Column(name = "waiting_reason", length = 300)
    private String waitingReason;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    /** What the latest calculation gave, whole kronor; null until calculated. */
    @Column(name = "calculated_amount")
    private Long calculatedAmount;

    @Version
    private long version;

    protected Application() {}

    public Application(Client client, YearMonth month, ApplicationKind kind, Household household, ReasonableCosts costs,
                       List<ApplicationIncome> incomes, String submittedBy, Instant submittedAt) {
        this.id = UUID.randomUUID();
        this.client = client;
        this.month = month.toString();
        this.kind = kind;
        this.status = ApplicationStatus.INKOMMEN;
        this.adults = household.adults();
        this.childrenAges = String.join(",", household.childrenAges().stream().map(String::valueOf).toList());
        this.childrenLunchAtHome = String.join(",", household.children().stream()
                .map(child -> String.valueOf(child.lunchAtHome())).toList());
        this.othersSharingHousehold = household.othersSharingHome();
        this.costHousing = costs.housing();
        this.costElectricity = costs.electricity();
        this.costWorkTravel = costs.workTravel();
        this.costHomeInsurance = costs.homeInsurance();
        this.costUnionFund = costs.unionAndUnemploymentFund();
        this.incomes = new ArrayList<>(incomes);
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public UUID getId() {
        return id;
    }

    public Client getClient() {
        return client;
    }

    public YearMonth getMonth() {
        return YearMonth.parse(month);
    }

    public ApplicationKind getKind() {
        return kind;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    /** Moves the application on; a reason to wait belongs to the waiting status only. */
    public void setStatus(ApplicationStatus status) {
        this.status = status;
        if (status != ApplicationStatus.VANTAR_PA_RIKSNORM) {
            this.waitingReason = null;
        }
    }

    /** The calculation cannot be made until the riksnorm has what it needs; {@code reason} says what, in Swedish. */
    public void waitForRiksnorm(String reason) {
        this.status = ApplicationStatus.VANTAR_PA_RIKSNORM;
        this.waitingReason = reason.length() <= 300 ? reason : reason.substring(0, 299) + "…";
    }

    /** Why the application waits, or null. */
    public String getWaitingReason() {
        return waitingReason;
    }

    public Household household() {
        List<Integer> ages = childrenAges.isBlank() ? List.of()
                : Arrays.stream(childrenAges.split(",")).map(Integer::valueOf).toList();
        List<String> lunch = childrenLunchAtHome == null || childrenLunchAtHome.isBlank() ? List.of()
                : Arrays.asList(childrenLunchAtHome.split(","));
        List<Household.Child> children = new ArrayList<>();
        for (int i = 0; i < ages.size(); i++) {
            children.add(new Household.Child(ages.get(i), i >= lunch.size() || Boolean.parseBoolean(lunch.get(i))));
        }
        return new Household(adults, children, othersSharingHousehold);
    }

    public ReasonableCosts costs() {
        return new ReasonableCosts(costHousing, costElectricity, costWorkTravel, costHomeInsurance, costUnionFund);
    }

    public List<ApplicationIncome> getIncomes() {
        return List.copyOf(incomes);
    }

    public String getCoApplicantPersonnummer() {
        return coApplicantPersonnummer;
    }

    public void setCoApplicantPersonnummer(Personnummer coApplicant) {
        this.coApplicantPersonnummer = coApplicant == null ? null : coApplicant.value();
    }

    public String getExtraNeedDescription() {
        return extraNeedDescription;
    }

    public long getExtraNeedAmount() {
        return extraNeedAmount;
    }

    public void setExtraNeed(String description, long amount) {
        setExtraNeed(description, amount, ExtraNeedKind.OTHER_LIVING_COSTS);
    }

    public void setExtraNeed(String description, long amount, ExtraNeedKind kind) {
        this.extraNeedDescription = description;
        this.extraNeedAmount = amount;
        this.extraNeedKind = kind;
    }

    /** What the tilläggsansökan applies for (other living costs when not recorded). */
    public ExtraNeedKind getExtraNeedKind() {
        return extraNeedKind == null ? ExtraNeedKind.OTHER_LIVING_COSTS : extraNeedKind;
    }

    /** Whether the applicant is lawfully resident in Sweden; {@link LawfulResidence#EJ_KANT} when not recorded. */
    public LawfulResidence lawfulResidence() {
        return lawfulResidence == null ? LawfulResidence.EJ_KANT : lawfulResidence;
    }

    /** As recorded on the application (null = not recorded). */
    public LawfulResidence getLawfulResidence() {
        return lawfulResidence;
    }

    /** On what terms the home is had: a second-hand let, with or without consent. */
    public HousingTerms housingTerms() {
        return new HousingTerms(secondHandLet, secondHandLet && Boolean.TRUE.equals(secondHandLetConsent));
    }

    /** For a second-hand let the consent (true/false); null when the home is not let in the second hand. */
    public Boolean getSecondHandLetConsent() {
        return secondHandLetConsent;
    }

    public boolean isSecondHandLet() {
        return secondHandLet;
    }

    public void setResidenceAndHousing(LawfulResidence residence, boolean secondHandLet, Boolean consent) {
        this.lawfulResidence = residence;
        this.secondHandLet = secondHandLet;
        this.secondHandLetConsent = secondHandLet ? consent : null;
    }

    /** What the rules on lawful residence gave the application; null until checked. */
    public AssistanceForm getAssistanceForm() {
        return assistanceForm;
    }

    public void setAssistanceForm(AssistanceForm assistanceForm) {
        this.assistanceForm = assistanceForm;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getCompleteAt() {
        return completeAt;
    }

    public void setCompleteAt(Instant completeAt) {
        this.completeAt = completeAt;
    }

    public LocalDate getInvestigationDue() {
        return investigationDue;
    }

    public void setInvestigationDue(LocalDate investigationDue) {
        this.investigationDue = investigationDue;
    }

    public boolean isRegisterChecked() {
        return registerChecked;
    }

    public void setRegisterChecked(boolean registerChecked) {
        this.registerChecked = registerChecked;
    }

    /** What the latest calculation gave, whole kronor; null until calculated. */
    public Long getCalculatedAmount() {
        return calculatedAmount;
    }

    public void setCalculatedAmount(long calculatedAmount) {
        this.calculatedAmount = calculatedAmount;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public void setRequestHash(String requestHash) {
        this.requestHash = requestHash;
    }
}
