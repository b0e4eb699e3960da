package com.relais.crm.demo;

import static com.relais.crm.demo.DemoStaff.SALES;
import static com.relais.crm.demo.DemoStaff.SALES2;

import com.relais.crm.opportunity.SaleBpmn;
import java.math.BigDecimal;
import java.util.List;

/**
 * One deal of the demo and how far it goes: at least one in every stage of the sale, and the won ones where each
 * team has something to do (finance an approval, support a case, the after-sale its tasks). {@code transport},
 * {@code simplified} and {@code signer} matter only to deals that are won.
 */
record DealPlan(String customer, String title, BigDecimal amount, String owner, int closeInDays, Milestone goal,
    String transport, boolean simplified, String signer) {

  private static final String EXTERNAL = SaleBpmn.TRANSPORT_EXTERNAL;
  private static final String INTERNAL = SaleBpmn.TRANSPORT_INTERNAL;

  static final List<DealPlan> PLANS = List.of(
      open("Boulangerie Lefèvre", "Rayonnages de la réserve", "6800", SALES2, 45, Milestone.PROSPECT),
      open("Jardinerie Les Quatre Saisons", "Chariots de manutention pour la serre", "4250", SALES, 60,
          Milestone.PROSPECT),
      open("Meunerie Barbier", "Transpalette peseur", "3900", SALES2, 50, Milestone.PROSPECT),
      open("Librairie Au Fil des Pages", "Rayonnages mobiles pour la réserve", "12400", SALES, 40,
          Milestone.QUALIFIED),
      open("Épicerie fine Gauthier", "Aménagement de la cave de stockage", "8600", SALES2, 35, Milestone.QUALIFIED),
      open("Laboratoire Clément Analyses", "Armoires de stockage sécurisées", "15300", SALES, 30,
          Milestone.PROPOSAL),
      open("Chocolaterie Girardin", "Rayonnages pour la chambre froide", "22800", SALES2, 28, Milestone.PROPOSAL),
      open("Transports Girard", "Renouvellement de la flotte de transpalettes", "64500", SALES, 14,
          Milestone.NEGOTIATION),
      open("Brasserie artisanale La Mousse Bretonne", "Stockage des fûts et des palettes", "18750", SALES, 21,
          Milestone.NEGOTIATION),
      open("Atelier Mercier Métallerie", "Pont roulant d'atelier", "27000", SALES, 10, Milestone.LOST),
      won("Menuiserie Bonnet", "Rayonnage cantilever pour panneaux", "14900", SALES, 7, Milestone.NOTE_TO_SEND,
          EXTERNAL, false, "M. Bonnet"),
      won("Groupe Hôtelier Vasseur", "Équipement des réserves de trois hôtels", "38200", SALES2, 5,
          Milestone.AWAITING_SIGNATURE, INTERNAL, false, "Mme Vasseur"),
      // a carrier's quote of 380 EUR on 45 270 EUR: finance approves it (processes/approval-level.dmn)
      won("Logistique Fontaine SAS", "Équipement de la zone de stockage de Fos", "45270", SALES, -3,
          Milestone.FINANCIAL_APPROVAL, EXTERNAL, false, "M. Fontaine"),
      // simplified: straight to the confirmation, then payment and a reception that goes wrong
      won("Entrepôts Roussel", "Extension du rayonnage à palettes", "19600", SALES2, -10, Milestone.SUPPORT_CASE,
          INTERNAL, true, "Mme Roussel"),
      won("Distribution Robin Frais", "Quais de chargement et transpalettes", "31400", SALES, -20,
          Milestone.AFTER_SALE, INTERNAL, false, "M. Robin"));

  private static DealPlan open(String customer, String title, String amount, String owner, int closeInDays,
      Milestone goal) {
    return new DealPlan(customer, title, new BigDecimal(amount), owner, closeInDays, goal, null, false, null);
  }

  private static DealPlan won(String customer, String title, String amount, String owner, int closeInDays,
      Milestone goal, String transport, boolean simplified, String signer) {
    return new DealPlan(customer, title, new BigDecimal(amount), owner, closeInDays, goal, transport, simplified,
        signer);
  }
}
