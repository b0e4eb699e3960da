package com.relais.crm.demo;

import static com.relais.crm.demo.DemoStaff.LOGISTICS;
import static com.relais.crm.demo.DemoStaff.MANAGER;
import static com.relais.crm.demo.DemoStaff.SALES;
import static com.relais.crm.demo.DemoStaff.SALES2;
import static com.relais.crm.demo.DemoStaff.SUPPORT;

import com.relais.crm.communication.CommunicationDetails;
import com.relais.crm.communication.CommunicationService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The exchange log of the last weeks (and a few appointments ahead): calls, visits, e-mails, letters, notes and
 * reports by the salespeople, the manager, logistics and support, some about a deal, two private.
 */
@Component
@DemoSeedEnabled
class DemoExchanges {
  private static final Logger log = LoggerFactory.getLogger(DemoExchanges.class);
  private static final String DONE = "DONE";
  private static final String PLANNED = "PLANNED";

  /**
   * One exchange, {@code daysAgo} before today at {@code time} (negative: ahead, then planned rather than done).
   * {@code customer} null is a note about no customer; {@code deal} names a deal of {@link DealPlan#PLANS}.
   */
  record ExchangeSeed(String customer, String deal, String author, String type, String subject, String details,
      int daysAgo, String time, int minutes, String status, boolean privateEntry, List<String> assignees) {

    ExchangeSeed about(String dealTitle) {
      return new ExchangeSeed(customer, dealTitle, author, type, subject, details, daysAgo, time, minutes, status,
          privateEntry, assignees);
    }

    ExchangeSeed privately() {
      return new ExchangeSeed(customer, deal, author, type, subject, details, daysAgo, time, minutes, status, true,
          assignees);
    }

    ExchangeSeed assigning(String... users) {
      return new ExchangeSeed(customer, deal, author, type, subject, details, daysAgo, time, minutes, status,
          privateEntry, List.of(users));
    }

    ExchangeSeed withStatus(String other) {
      return new ExchangeSeed(customer, deal, author, type, subject, details, daysAgo, time, minutes, other,
          privateEntry, assignees);
    }
  }

  static final List<ExchangeSeed> EXCHANGES = List.of(
      exchange("Logistique Fontaine SAS", SALES, "CALL", "Premier appel : projet de zone de stockage à Fos",
          "M. Fontaine ouvre 1 200 m² de stockage : chariot élévateur électrique, transpalettes et rayonnages. "
              + "Visite proposée.", 34, "10:15", 20)
          .about("Équipement de la zone de stockage de Fos"),
      exchange("Logistique Fontaine SAS", SALES, "MEETING", "Visite du site de Fos",
          "Cotes relevées, hauteur sous poutre 6,20 m, sol béton compatible. Livraison souhaitée avant la fin du "
              + "trimestre.", 27, "14:00", 90)
          .about("Équipement de la zone de stockage de Fos").assigning(LOGISTICS),
      exchange("Logistique Fontaine SAS", SALES, "EMAIL", "Envoi du devis et des fiches techniques",
          "Devis joint à la fiche client, avec la fiche technique du chariot et le plan de rayonnage.", 20, "09:30", 0)
          .about("Équipement de la zone de stockage de Fos"),
      exchange("Logistique Fontaine SAS", MANAGER, "NOTE", "Marge sur le dossier Fontaine",
          "Remise maximale accordable : 6 %. Ne pas descendre sous 42 000 EUR HT.", 18, "18:05", 0).privately(),
      exchange("Logistique Fontaine SAS", LOGISTICS, "CALL", "Cotation du transporteur pour Fos",
          "Demande de cotation envoyée au transporteur habituel : deux palettes hors gabarit.", 2, "11:00", 10)
          .about("Équipement de la zone de stockage de Fos"),
      exchange("Entrepôts Roussel", SALES2, "MEETING", "Réunion de lancement de l'extension",
          "Implantation validée avec le responsable d'entrepôt : 8 travées supplémentaires.", 40, "09:00", 60)
          .about("Extension du rayonnage à palettes"),
      exchange("Entrepôts Roussel", SUPPORT, "CALL", "Réclamation : montants de rayonnage tordus",
          "Le responsable d'entrepôt signale deux montants pliés à la réception. Photos demandées.", 1, "09:10", 15)
          .about("Extension du rayonnage à palettes").assigning(SALES2),
      exchange("Entrepôts Roussel", SUPPORT, "EMAIL", "Photos des montants endommagés reçues",
          "Les photos confirment un choc pendant le transport ; dossier transmis au fournisseur.", 1, "16:40", 0)
          .about("Extension du rayonnage à palettes"),
      exchange("Transports Girard", SALES, "MEETING", "Présentation de la gamme transpalettes",
          "Rencontre au salon, démonstration du transpalette électrique 1,6 t.", 38, "15:30", 45),
      exchange("Transports Girard", SALES, "CALL", "Négociation de la reprise des anciens transpalettes",
          "Le client demande la reprise de 12 transpalettes ; proposition : 150 EUR pièce.", 6, "11:20", 25)
          .about("Renouvellement de la flotte de transpalettes"),
      exchange("Transports Girard", SALES, "MEETING", "Rendez-vous de signature à Valence",
          "Chez le client, avec le directeur d'exploitation.", -3, "10:00", 60)
          .about("Renouvellement de la flotte de transpalettes").assigning(MANAGER),
      exchange("Coopérative agricole du Val de Loire", MANAGER, "MEETING", "Revue annuelle du contrat-cadre",
          "Volumes 2024 en hausse de 12 % ; nouveaux besoins au silo de Mer.", 25, "10:00", 120),
      exchange("Coopérative agricole du Val de Loire", MANAGER, "REPORT", "Compte rendu de visite du silo de Mer",
          "Voir le compte rendu joint à la fiche client.", 24, "17:30", 0),
      exchange("Distribution Robin Frais", SALES, "CALL", "Date de livraison confirmée",
          "Livraison par notre camion, créneau de 6 h pour ne pas gêner les arrivages.", 9, "08:45", 10)
          .about("Quais de chargement et transpalettes"),
      exchange("Distribution Robin Frais", LOGISTICS, "NOTE", "Installation des niveleurs de quai",
          "Installation réalisée avec le chef de quai, formation de trente minutes.", 1, "07:30", 0)
          .about("Quais de chargement et transpalettes"),
      exchange("Distribution Robin Frais", SALES, "TODO", "Appel de satisfaction après installation",
          "Vérifier que les caristes utilisent les nouveaux transpalettes.", -10, "10:00", 0).assigning(SALES),
      exchange("Groupe Hôtelier Vasseur", SALES2, "EMAIL", "Bon de livraison envoyé pour signature électronique",
          "Mme Vasseur signe pour les trois hôtels.", 1, "14:10", 0)
          .about("Équipement des réserves de trois hôtels"),
      exchange("Groupe Hôtelier Vasseur", SALES2, "CALL", "Relance pour la signature",
          "Si rien n'est signé d'ici là.", -1, "09:30", 10).about("Équipement des réserves de trois hôtels"),
      exchange("Menuiserie Bonnet", SALES, "CALL", "Accord verbal sur le cantilever",
          "M. Bonnet valide la version 4 bras, livraison par transporteur.", 2, "16:00", 15)
          .about("Rayonnage cantilever pour panneaux"),
      exchange("Atelier Mercier Métallerie", SALES, "CALL", "Pas de suite : choix d'un concurrent",
          "Le client a retenu une offre moins chère avec un délai plus long. À recontacter dans six mois.", 4,
          "11:45", 10).about("Pont roulant d'atelier"),
      exchange("Boulangerie Lefèvre", SALES2, "CALL", "Demande de rappel via le site",
          "Réserve de 15 m² à aménager, budget serré.", 12, "15:00", 15),
      exchange("Jardinerie Les Quatre Saisons", SALES, "EMAIL", "Documentation sur les chariots de serre",
          "Envoi de la brochure et des prix indicatifs.", 15, "10:40", 0),
      exchange("Meunerie Barbier", SALES2, "MEETING", "Visite du moulin",
          "Repérage de l'aire de stockage des sacs.", -6, "14:30", 90),
      exchange("Librairie Au Fil des Pages", SALES, "CALL", "Qualification du besoin en rayonnages mobiles",
          "Réserve en sous-sol, charge au sol à vérifier.", 10, "09:50", 20)
          .about("Rayonnages mobiles pour la réserve"),
      exchange("Épicerie fine Gauthier", SALES2, "MEETING", "Visite de la cave voûtée",
          "Cave humide : rayonnage galvanisé conseillé.", 8, "11:00", 45)
          .about("Aménagement de la cave de stockage"),
      exchange("Laboratoire Clément Analyses", SALES, "EMAIL", "Proposition : armoires de stockage sécurisées",
          "Proposition envoyée avec les certificats de résistance au feu.", 5, "17:15", 0)
          .about("Armoires de stockage sécurisées"),
      exchange("Chocolaterie Girardin", SALES2, "CALL", "Questions sur les rayonnages de chambre froide",
          "Le client veut de l'inox pour les plateaux du bas.", 3, "10:30", 20)
          .about("Rayonnages pour la chambre froide"),
      exchange("Chocolaterie Girardin", SALES2, "NOTE", "Concurrence sur le dossier Girardin",
          "Le gérant a reçu une offre à -10 % d'un concurrent ; il préfère notre délai.", 3, "10:55", 0)
          .about("Rayonnages pour la chambre froide").privately(),
      exchange("Brasserie artisanale La Mousse Bretonne", SALES, "CALL", "Point sur le stockage des fûts",
          "Racks à fûts empilables et deux transpalettes inox.", 7, "14:20", 25)
          .about("Stockage des fûts et des palettes"),
      exchange("Mairie de Saint-Amand-sur-Ornain", SALES, "LETTER", "Réponse à la consultation des services techniques",
          "Offre déposée pour l'équipement du nouveau garage municipal.", 21, "09:00", 0),
      exchange("Poissonnerie Le Gall", SALES, "SMS", "Rappel du rendez-vous de jeudi",
          "Rendez-vous confirmé à 8 h aux halles.", 2, "18:00", 0),
      exchange("Pharmacie du Marché", SALES2, "CALL", "Appel de prospection",
          "La titulaire est en congés : appel annulé, à replanifier.", 16, "11:30", 0).withStatus("CANCELLED"),
      exchange("Studio Photo Arnaud", SALES, "CALL", "Premier contact",
          "Besoin de rangement pour décors et éclairages ; pas de consentement marketing donné.", 11, "16:45", 10),
      exchange("Imprimerie Lambert", MANAGER, "MEETING", "Point partenariat trimestriel",
          "Trois clients recommandés ce trimestre.", 19, "10:00", 60),
      exchange("Blanc & Associés Architectes", MANAGER, "CALL", "Nouvelle recommandation : réserve à Sète",
          "Projet de réserve pour un caviste, à transmettre à l'équipe commerciale.", 9, "12:15", 15)
          .assigning(SALES2),
      exchange("Quincaillerie Martin & Fils", SUPPORT, "CALL", "Question sur la garantie du transpalette",
          "Roue avant usée après 14 mois : prise sous garantie.", 13, "14:05", 10),
      exchange("Fromagerie Chevalier", SALES2, "EMAIL", "Offre de printemps",
          "Offre sur les chariots inox pour l'affinage.", 17, "08:30", 0),
      exchange("Garage Moreau", SALES2, "CALL", "Besoin d'un rack à pneus",
          "Stockage de 200 pneus saisonniers ; devis à préparer.", 6, "17:40", 15),
      exchange("Cave Dubois Vins & Spiritueux", SUPPORT, "NOTE", "Intervention : roue de transpalette remplacée",
          "Intervention faite sur place, pas de facturation (sous garantie).", 22, "15:00", 0),
      exchange("Scierie Perrin", SALES, "CALL", "Relance du devis de chariot tout-terrain",
          "Décision après le comité d'investissement du mois prochain.", 30, "09:15", 10),
      exchange("Boucherie Fournier", SALES, "MEETING", "Visite de la chambre froide",
          "Mesures pour un rayonnage inox.", -8, "15:00", 45),
      exchange("Andrieu Bâtiment SARL", SALES, "CALL", "Location d'un chariot pour un chantier",
          "Besoin de trois semaines en juin ; orienté vers notre partenaire loueur.", 14, "13:30", 10),
      exchange("Recyclerie du Pays Basque", MANAGER, "MEETING", "Convention de reprise du matériel usagé",
          "Reprise des transpalettes de nos clients contre un avoir.", 26, "11:00", 60),
      exchange("Caron Emballages", MANAGER, "NOTE", "Tarifs partenaires reçus",
          "Nouvelle grille de prix des films et feuillards, +3 %.", 29, "16:20", 0),
      exchange("Hôtel-Restaurant Le Relais Fleuri", SALES2, "CALL", "Tentative de reprise de contact",
          "Établissement fermé pour travaux jusqu'à l'automne.", 33, "10:10", 5),
      exchange("Papeterie Morel", SALES2, "LETTER", "Courrier de relance",
          "Présentation des nouveautés, sans réponse à ce jour.", 37, "09:00", 0),
      exchange(null, MANAGER, "NOTE", "Objectifs du trimestre présentés à l'équipe",
          "Priorité aux comptes clés et aux partenaires apporteurs d'affaires.", 31, "08:30", 0));

  private final CommunicationService communications;
  private final ActingAs actingAs;
  private final Clock clock;

  DemoExchanges(CommunicationService communications, ActingAs actingAs, Clock clock) {
    this.communications = communications;
    this.actingAs = actingAs;
    this.clock = clock;
  }

  /** Each exchange logged by its author; one that fails is skipped with a warning. @return how many were logged */
  int logAll(Map<String, Long> customerIds, Map<String, Long> dealIds) {
    LocalDate today = LocalDate.now(clock.withZone(DemoSeed.ZONE));
    int logged = 0;
    for (ExchangeSeed seed : EXCHANGES) {
      try {
        CommunicationDetails details = detailsOf(seed, today, customerIds, dealIds);
        actingAs.crm(seed.author(), () -> communications.create(details));
        logged++;
      } catch (RuntimeException e) {
        log.warn("Demo exchange '{}' not logged: {}", seed.subject(), e.toString());
      }
    }
    return logged;
  }

  private static CommunicationDetails detailsOf(ExchangeSeed seed, LocalDate today, Map<String, Long> customerIds,
      Map<String, Long> dealIds) {
    Long customerId = seed.customer() == null ? null : required(customerIds, seed.customer());
    List<Long> deals = seed.deal() == null ? List.of() : List.of(required(dealIds, seed.deal()));
    Instant start = today.minusDays(seed.daysAgo()).atTime(LocalTime.parse(seed.time())).atZone(DemoSeed.ZONE)
        .toInstant();
    Instant end = seed.minutes() == 0 ? null : start.plusSeconds(60L * seed.minutes());
    return new CommunicationDetails(seed.type(), seed.subject(), seed.details(), start, end, seed.status(),
        seed.privateEntry(), seed.assignees(), customerId, deals);
  }

  private static ExchangeSeed exchange(String customer, String author, String type, String subject, String details,
      int daysAgo, String time, int minutes) {
    return new ExchangeSeed(customer, null, author, type, subject, details, daysAgo, time, minutes,
        daysAgo < 0 ? PLANNED : DONE, false, List.of());
  }

  private static Long required(Map<String, Long> ids, String name) {
    Long id = ids.get(name);
    if (id == null) {
      throw new IllegalStateException("The demo exchanges name '" + name + "', which the seed did not create");
    }
    return id;
  }
}
