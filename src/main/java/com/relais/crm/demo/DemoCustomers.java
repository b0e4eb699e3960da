package com.relais.crm.demo;

import static com.relais.crm.customer.AcquisitionSource.CAMPAIGN;
import static com.relais.crm.customer.AcquisitionSource.COLD_CALL;
import static com.relais.crm.customer.AcquisitionSource.IMPORT;
import static com.relais.crm.customer.AcquisitionSource.OTHER;
import static com.relais.crm.customer.AcquisitionSource.PARTNER;
import static com.relais.crm.customer.AcquisitionSource.REFERRAL;
import static com.relais.crm.customer.AcquisitionSource.TRADE_SHOW;
import static com.relais.crm.customer.AcquisitionSource.WEBSITE;
import static com.relais.crm.demo.DemoStaff.MANAGER;
import static com.relais.crm.demo.DemoStaff.SALES;
import static com.relais.crm.demo.DemoStaff.SALES2;

import com.relais.crm.customer.AcquisitionSource;
import com.relais.crm.customer.CustomerCategory;
import com.relais.crm.customer.CustomerDetails;
import com.relais.crm.customer.CustomerDetails.ConsentChoice;
import com.relais.crm.customer.CustomerService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Thirty-six French businesses that buy storage and handling equipment, in every built-in category and from every
 * acquisition source, with their consents and how each was given (a few have none, one refused). Names and addresses
 * are made up; e-mail domains end in {@code .example} and the phone numbers lie in the ranges ARCEP reserves for
 * fiction, so a campaign tried on the demo reaches nobody real.
 */
@Component
@DemoSeedEnabled
class DemoCustomers {
  private static final String PROSPECT = CustomerCategory.PROSPECT;
  private static final String CUSTOMER = CustomerCategory.CUSTOMER;
  private static final String KEY_ACCOUNT = CustomerCategory.KEY_ACCOUNT;
  private static final String PARTNER_CATEGORY = CustomerCategory.PARTNER;
  private static final String INACTIVE = CustomerCategory.INACTIVE;

  /** One customer as a salesperson would enter it; {@code null} consents were never asked for. */
  record CustomerSeed(String name, String email, String phone, String address, String category,
      AcquisitionSource source, ConsentChoice emailConsent, ConsentChoice smsConsent, String enteredBy) {

    CustomerDetails details() {
      return new CustomerDetails(name, email, phone, address, category, source, emailConsent, smsConsent, null,
          null);
    }
  }

  static final List<CustomerSeed> CUSTOMERS = List.of(
      new CustomerSeed("Quincaillerie Martin & Fils", "contact@quincaillerie-martin.example", "+33 4 65 71 10 21",
          "14 rue de la Charité, 69002 Lyon", CUSTOMER, REFERRAL,
          given("Bon de commande signé, case « informations commerciales » cochée"),
          given("Appel au service client, accord oral noté"), SALES),
      new CustomerSeed("Boulangerie Lefèvre", "boulangerie.lefevre@orange-demo.example", "+33 2 61 91 22 34",
          "3 place du Vieux-Marché, 76000 Rouen", PROSPECT, WEBSITE,
          given("Formulaire de contact du site, case cochée"), null, SALES2),
      new CustomerSeed("Transports Girard", "direction@transports-girard.example", "+33 4 65 71 10 45",
          "ZA des Auréats, 26000 Valence", KEY_ACCOUNT, TRADE_SHOW,
          given("Bulletin signé au salon SITL Paris"), given("Bulletin signé au salon SITL Paris"), SALES),
      new CustomerSeed("Coopérative agricole du Val de Loire", "achats@coop-valdeloire.example", "+33 2 61 91 22 58",
          "Route de Vendôme, 41000 Blois", KEY_ACCOUNT, PARTNER,
          given("Contrat-cadre 2024, article 12"), null, MANAGER),
      new CustomerSeed("Entrepôts Roussel", "logistique@entrepots-roussel.example", "+33 3 53 01 30 12",
          "120 rue du Faubourg de Roubaix, 59800 Lille", CUSTOMER, COLD_CALL,
          given("Accord donné au téléphone, confirmé par e-mail"), given("Accord donné au téléphone"), SALES2),
      new CustomerSeed("Librairie Au Fil des Pages", "bonjour@aufildespages.example", "+33 5 36 49 40 11",
          "22 cours de l'Intendance, 33000 Bordeaux", PROSPECT, CAMPAIGN,
          given("Double opt-in confirmé (lien de l'e-mail de bienvenue)"), null, SALES),
      new CustomerSeed("Garage Moreau", "garage.moreau@garages-demo.example", "+33 2 61 91 22 77",
          "57 boulevard des Poilus, 44300 Nantes", CUSTOMER, REFERRAL,
          given("Bon de commande signé"), given("Bon de commande signé"), SALES2),
      new CustomerSeed("Brasserie artisanale La Mousse Bretonne", "contact@mousse-bretonne.example",
          "+33 2 61 91 23 05", "8 rue de la Soif, 35000 Rennes", PROSPECT, TRADE_SHOW,
          given("Carte de visite déposée au salon Agrifood, case cochée"), null, SALES),
      new CustomerSeed("Menuiserie Bonnet", "atelier@menuiserie-bonnet.example", "+33 4 65 71 10 88",
          "9 chemin des Fins, 74000 Annecy", CUSTOMER, WEBSITE,
          given("Formulaire de devis du site, case cochée"), null, SALES),
      new CustomerSeed("Pharmacie du Marché", null, "+33 5 36 49 40 37",
          "2 place du Capitole, 31000 Toulouse", PROSPECT, CAMPAIGN, null, null, SALES2),
      new CustomerSeed("Logistique Fontaine SAS", "achats@logistique-fontaine.example", "+33 4 65 71 11 02",
          "27 boulevard de Paris, 13002 Marseille", KEY_ACCOUNT, COLD_CALL,
          given("Contrat de maintenance signé, clause 9"), given("Contrat de maintenance signé, clause 9"), SALES),
      new CustomerSeed("Fromagerie Chevalier", "fromagerie.chevalier@comte-demo.example", "+33 3 53 01 30 44",
          "11 Grande Rue, 25000 Besançon", CUSTOMER, REFERRAL,
          given("Bon de commande signé"), null, SALES2),
      new CustomerSeed("Imprimerie Lambert", "contact@imprimerie-lambert.example", "+33 3 53 01 30 66",
          "4 rue du Jeu-des-Enfants, 67000 Strasbourg", PARTNER_CATEGORY, PARTNER,
          given("Convention de partenariat, annexe 2"), given("Convention de partenariat, annexe 2"), MANAGER),
      new CustomerSeed("Jardinerie Les Quatre Saisons", "magasin@quatre-saisons.example", "+33 2 61 91 23 40",
          "Route de Paris, 49000 Angers", PROSPECT, WEBSITE,
          given("Inscription à la lettre d'information du site"), null, SALES),
      new CustomerSeed("Cave Dubois Vins & Spiritueux", "cave.dubois@vins-demo.example", "+33 3 53 01 30 81",
          "18 rue de la Liberté, 21000 Dijon", CUSTOMER, TRADE_SHOW,
          given("Bulletin signé au salon Vinexpo"), given("Bulletin signé au salon Vinexpo"), SALES2),
      new CustomerSeed("Atelier Mercier Métallerie", "contact@mercier-metallerie.example", "+33 4 65 71 11 36",
          "63 rue Bergson, 42000 Saint-Étienne", PROSPECT, COLD_CALL,
          null, null, SALES),
      new CustomerSeed("Hôtel-Restaurant Le Relais Fleuri", "reception@relais-fleuri.example", "+33 3 53 01 31 02",
          "6 rue des Marchands, 68000 Colmar", INACTIVE, IMPORT,
          given("Fichier clients importé (consentement recueilli en 2021)"), null, MANAGER),
      new CustomerSeed("Blanc & Associés Architectes", "agence@blanc-architectes.example", "+33 4 65 71 11 59",
          "30 avenue de la Liberté, 34000 Montpellier", PARTNER_CATEGORY, REFERRAL,
          given("Convention d'apporteur d'affaires"), null, MANAGER),
      new CustomerSeed("Épicerie fine Gauthier", "epicerie.gauthier@paris-demo.example", "+33 1 99 00 12 18",
          "41 rue de la Roquette, 75011 Paris", PROSPECT, CAMPAIGN,
          given("Double opt-in confirmé (campagne de printemps)"), given("Réponse OUI au SMS de la campagne"), SALES2),
      new CustomerSeed("Scierie Perrin", "scierie.perrin@bois-demo.example", "+33 3 53 01 31 27",
          "Lieu-dit Le Moulin, 88000 Épinal", CUSTOMER, COLD_CALL,
          given("Accord donné au téléphone"), null, SALES),
      new CustomerSeed("Distribution Robin Frais", "approvisionnement@robin-frais.example", "+33 1 99 00 12 40",
          "Bâtiment C3, 1 rue de la Tour, 94150 Rungis", KEY_ACCOUNT, PARTNER,
          given("Contrat-cadre 2025, article 8"), given("Contrat-cadre 2025, article 8"), MANAGER),
      new CustomerSeed("Laboratoire Clément Analyses", "contact@labo-clement.example", "+33 4 65 71 11 83",
          "5 avenue des Martyrs, 38000 Grenoble", PROSPECT, WEBSITE,
          given("Formulaire de contact du site, case cochée"), null, SALES),
      new CustomerSeed("Mairie de Saint-Amand-sur-Ornain", "services.techniques@saint-amand-ornain.example",
          "+33 3 53 01 31 55", "Place de la Mairie, 55000 Saint-Amand-sur-Ornain", PROSPECT, OTHER,
          null, null, SALES2),
      new CustomerSeed("Clinique vétérinaire des Tilleuls", "accueil@veto-tilleuls.example", "+33 2 61 91 23 66",
          "12 allée des Tilleuls, 37000 Tours", INACTIVE, IMPORT,
          // the refusal is recorded too: a campaign must be able to show it never wrote to them
          refused("Refus exprimé au téléphone"), null, SALES),
      new CustomerSeed("Papeterie Morel", "papeterie.morel@limoges-demo.example", "+33 5 36 49 40 62",
          "8 rue Jean-Jaurès, 87000 Limoges", INACTIVE, CAMPAIGN,
          given("Double opt-in confirmé (campagne de rentrée)"), null, SALES2),
      new CustomerSeed("Boucherie Fournier", "boucherie.fournier@auvergne-demo.example", "+33 4 65 71 12 07",
          "15 rue du Port, 63000 Clermont-Ferrand", CUSTOMER, WEBSITE,
          given("Formulaire de devis du site, case cochée"), given("Formulaire de devis du site, case cochée"), SALES),
      new CustomerSeed("Chocolaterie Girardin", "contact@chocolaterie-girardin.example", "+33 5 36 49 40 85",
          "3 rue Port-Neuf, 64100 Bayonne", PROSPECT, TRADE_SHOW,
          given("Bulletin signé au Salon du Chocolat"), null, SALES2),
      new CustomerSeed("Andrieu Bâtiment SARL", "chantiers@andrieu-batiment.example", "+33 4 65 71 12 31",
          "Mas de la Garrigue, 66000 Perpignan", CUSTOMER, REFERRAL,
          given("Bon de commande signé"), given("Accord donné au téléphone"), SALES),
      new CustomerSeed("Maison Lemaire Textiles", null, "+33 3 53 01 31 78",
          "44 rue de l'Épeule, 59100 Roubaix", INACTIVE, COLD_CALL, null, null, SALES2),
      new CustomerSeed("Groupe Hôtelier Vasseur", "achats@groupe-vasseur.example", "+33 4 65 71 12 56",
          "9 promenade des Anglais, 06000 Nice", KEY_ACCOUNT, REFERRAL,
          given("Contrat-cadre 2025, article 11"), given("Contrat-cadre 2025, article 11"), MANAGER),
      new CustomerSeed("Recyclerie du Pays Basque", "contact@recyclerie-paysbasque.example", "+33 5 36 49 41 09",
          "Zone artisanale de Jalday, 64500 Saint-Jean-de-Luz", PARTNER_CATEGORY, OTHER,
          given("Convention de partenariat, annexe 1"), null, MANAGER),
      new CustomerSeed("Poissonnerie Le Gall", "poissonnerie.legall@brest-demo.example", "+33 6 39 98 14 27",
          "Halles Saint-Louis, 29200 Brest", PROSPECT, COLD_CALL,
          null, given("Accord donné au téléphone pour les rappels par SMS"), SALES),
      new CustomerSeed("Auto-école Renaud", "auto-ecole.renaud@reims-demo.example", "+33 3 53 01 32 04",
          "71 avenue Jean-Jaurès, 51100 Reims", INACTIVE, IMPORT,
          given("Fichier clients importé (consentement recueilli en 2020)"), null, SALES2),
      new CustomerSeed("Caron Emballages", "commercial@caron-emballages.example", "+33 3 53 01 32 29",
          "ZI Nord, rue Fernand-Sastre, 80000 Amiens", PARTNER_CATEGORY, PARTNER,
          given("Convention de partenariat, annexe 2"), given("Convention de partenariat, annexe 2"), MANAGER),
      new CustomerSeed("Meunerie Barbier", "meunerie.barbier@beauce-demo.example", "+33 2 61 91 24 13",
          "Moulin de la Roche, 28000 Chartres", PROSPECT, REFERRAL,
          given("Recommandé par Coopérative du Val de Loire, accord par e-mail"), null, SALES2),
      new CustomerSeed("Studio Photo Arnaud", null, "+33 6 39 98 14 52",
          "10 rue Saint-Pierre, 14000 Caen", PROSPECT, WEBSITE, null, null, SALES));

  private final CustomerService customers;
  private final ActingAs actingAs;

  DemoCustomers(CustomerService customers, ActingAs actingAs) {
    this.customers = customers;
    this.actingAs = actingAs;
  }

  /** Each customer entered by the salesperson or manager who met them; @return their ids by name */
  Map<String, Long> create() {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (CustomerSeed seed : CUSTOMERS) {
      ids.put(seed.name(), actingAs.crm(seed.enteredBy(), () -> customers.create(seed.details()).getId()));
    }
    return ids;
  }

  private static ConsentChoice given(String how) {
    return new ConsentChoice(true, how);
  }

  private static ConsentChoice refused(String how) {
    return new ConsentChoice(false, how);
  }
}
