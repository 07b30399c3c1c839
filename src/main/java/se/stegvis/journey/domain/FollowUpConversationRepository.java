package se.stegvis.journey.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FollowUpConversationRepository extends JpaRepository<FollowUpConversation, String> {}
