package com.relais.crm.campaign;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe link of a campaign's message: a token naming the campaign, the customer and the channel, signed
 * for this purpose ({@link SignedTokens}). A token altered in any way, or signed for another page, is refused.
 */
@Component
class UnsubscribeLinks {
  private static final String PURPOSE = "unsubscribe";

  private final SignedTokens tokens;
  private final String publicUrl;

  UnsubscribeLinks(SignedTokens tokens, @Value("${relais.notifications.public-url}") String publicUrl) {
    this.tokens = tokens;
    this.publicUrl = publicUrl;
  }

  /** What a valid token names. */
  record Target(long campaignId, long customerId, CampaignRequest.Channel channel) {}

  String link(long campaignId, long customerId, CampaignRequest.Channel channel) {
    return publicUrl + "/public/unsubscribe?token="
        + tokens.sign(PURPOSE, campaignId + "." + customerId + "." + channel.name());
  }

  Optional<Target> read(String token) {
    return tokens.read(PURPOSE, token).flatMap(payload -> {
      try {
        String[] parts = payload.split("\\.");
        return Optional.of(new Target(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
            CampaignRequest.Channel.valueOf(parts[2])));
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
        return Optional.empty();
      }
    });
  }
}
