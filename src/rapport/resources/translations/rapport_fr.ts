<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Rapport</source>
        <translation>À propos de Rapport</translation>
    </message>
    <message>
        <source>Rapport logo</source>
        <translation>Logo de Rapport</translation>
    </message>
    <message>
        <source>Rapport {version}</source>
        <translation>Rapport {version}</translation>
    </message>
    <message>
        <source>The agent&apos;s single view of the customer.</source>
        <translation>La vue unique du client pour le conseiller.</translation>
    </message>
    <message>
        <source>Hub: {address}</source>
        <translation>Hub&#xa0;: {address}</translation>
    </message>
    <message>
        <source>Hub: none</source>
        <translation>Hub&#xa0;: aucun</translation>
    </message>
    <message>
        <source>Built with Qt {qt} and Qt for Python (PySide6) {pyside}, used under the &lt;a href=&quot;{lgpl}&quot;&gt;GNU LGPL version 3&lt;/a&gt; (&lt;a href=&quot;{qt_url}&quot;&gt;what that means&lt;/a&gt;). Icons are Rapport&apos;s own.</source>
        <translation>Conçu avec Qt {qt} et Qt for Python (PySide6) {pyside}, utilisés sous &lt;a href=&quot;{lgpl}&quot;&gt;licence GNU LGPL version 3&lt;/a&gt; (&lt;a href=&quot;{qt_url}&quot;&gt;ce que cela signifie&lt;/a&gt;). Les icônes sont propres à Rapport.</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>ActionWords</name>
    <message>
        <source>call</source>
        <comment>a contact</comment>
        <translation>appel</translation>
    </message>
    <message>
        <source>chat</source>
        <comment>a contact</comment>
        <translation>chat</translation>
    </message>
    <message>
        <source>email</source>
        <comment>a contact</comment>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>message</source>
        <comment>a contact</comment>
        <translation>message</translation>
    </message>
    <message>
        <source>visit</source>
        <comment>a contact</comment>
        <translation>visite</translation>
    </message>
    <message>
        <source>form</source>
        <comment>a contact</comment>
        <translation>formulaire</translation>
    </message>
    <message>
        <source>SMS</source>
        <comment>a contact</comment>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Platinum</source>
        <comment>tier</comment>
        <translation>Platine</translation>
    </message>
    <message>
        <source>Gold</source>
        <comment>tier</comment>
        <translation>Or</translation>
    </message>
    <message>
        <source>Silver</source>
        <comment>tier</comment>
        <translation>Argent</translation>
    </message>
    <message>
        <source>Bronze</source>
        <comment>tier</comment>
        <translation>Bronze</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>Qt date format of a day in a sentence: 30 Nov</comment>
        <translation>d MMMM</translation>
    </message>
    <message>
        <source>Call back first: a callback is pending</source>
        <translation>Rappeler d&apos;abord&#xa0;: un rappel est promis</translation>
    </message>
    <message>
        <source>Resolve the open issue first</source>
        <translation>Régler d&apos;abord le problème en cours</translation>
    </message>
    <message>
        <source>Thank them for their order</source>
        <translation>Remercier pour la commande</translation>
    </message>
    <message>
        <source>Thank them for the {product}</source>
        <translation>Remercier pour l&apos;achat de {product}</translation>
    </message>
    <message>
        <source>Suggest what goes with their order</source>
        <translation>Proposer ce qui va avec la commande</translation>
    </message>
    <message>
        <source>Suggest what goes with the {product}</source>
        <translation>Proposer ce qui va avec {product}</translation>
    </message>
    <message>
        <source>Offer an incentive on the {product}</source>
        <translation>Proposer un geste commercial sur {product}</translation>
    </message>
    <message>
        <source>Remind them of offer {code}</source>
        <translation>Rappeler l&apos;offre {code}</translation>
    </message>
    <message>
        <source>Reach out personally</source>
        <translation>Prendre contact personnellement</translation>
    </message>
    <message>
        <source>Ask about {channels} consent</source>
        <translation>Demander le consentement pour {channels}</translation>
    </message>
    <message>
        <source>Callback promised on a {contact} {when}</source>
        <translation>Rappel promis&#xa0;: {contact} {when}</translation>
    </message>
    <message>
        <source>Escalated {contact} {when}</source>
        <translation>Escalade&#xa0;: {contact} {when}</translation>
    </message>
    <message>
        <source>{reason} ({quote})</source>
        <translation>{reason} ({quote})</translation>
    </message>
    <message numerus="yes">
        <source>{reason}; not resolved since despite %n later contact(s).</source>
        <translation>
            <numerusform>{reason}&#xa0;; toujours pas réglé malgré %n contact depuis.</numerusform>
            <numerusform>{reason}&#xa0;; toujours pas réglé malgré %n contacts depuis.</numerusform>
        </translation>
    </message>
    <message>
        <source>{reason}; not resolved since.</source>
        <translation>{reason}&#xa0;; toujours pas réglé.</translation>
    </message>
    <message>
        <source>an order</source>
        <translation>une commande</translation>
    </message>
    <message numerus="yes">
        <source>{product} and %n more</source>
        <translation>
            <numerusform>{product} et %n autre article</numerusform>
            <numerusform>{product} et %n autres articles</numerusform>
        </translation>
    </message>
    <message>
        <source>Bought {what} in store {when} (order {number})</source>
        <translation>A acheté {what} en magasin {when} (commande {number})</translation>
    </message>
    <message>
        <source>Bought {what} online {when} (order {number})</source>
        <translation>A acheté {what} en ligne {when} (commande {number})</translation>
    </message>
    <message>
        <source>Bought {what} by phone {when} (order {number})</source>
        <translation>A acheté {what} par téléphone {when} (commande {number})</translation>
    </message>
    <message>
        <source>Bought {what} {when} (order {number})</source>
        <translation>A acheté {what} {when} (commande {number})</translation>
    </message>
    <message>
        <source>{reason}; ask how it is going before anything else.</source>
        <translation>{reason}&#xa0;; demander si tout va bien avant toute chose.</translation>
    </message>
    <message numerus="yes">
        <source>Left a cart of {amount} with the {product} {when} after %n view(s)</source>
        <translation>
            <numerusform>A laissé un panier de {amount} avec {product} {when} après %n consultation</numerusform>
            <numerusform>A laissé un panier de {amount} avec {product} {when} après %n consultations</numerusform>
        </translation>
    </message>
    <message>
        <source>Left a cart of {amount} with the {product} {when}</source>
        <translation>A laissé un panier de {amount} avec {product} {when}</translation>
    </message>
    <message>
        <source>{reason}; opted in to {channels}.</source>
        <translation>{reason}&#xa0;; accepte les contacts par {channels}.</translation>
    </message>
    <message>
        <source>Goes with their order of {when}: {products}.</source>
        <translation>Va avec la commande passée {when}&#xa0;: {products}.</translation>
    </message>
    <message>
        <source>Goes with the {product} bought {when}: {products}.</source>
        <translation>Va avec {product} acheté {when}&#xa0;: {products}.</translation>
    </message>
    <message>
        <source>{offer} sent by {channel} {when}</source>
        <translation>{offer} envoyée par {channel} {when}</translation>
    </message>
    <message>
        <source>{offer} sent by {channel}</source>
        <translation>{offer} envoyée par {channel}</translation>
    </message>
    <message>
        <source>{offer} sent {when}</source>
        <translation>{offer} envoyée {when}</translation>
    </message>
    <message>
        <source>{offer} sent</source>
        <translation>{offer} envoyée</translation>
    </message>
    <message>
        <source>{sent}, not used yet, valid until {day}.</source>
        <translation>{sent}, pas encore utilisée, valable jusqu&apos;au {day}.</translation>
    </message>
    <message>
        <source>{sent}, not used yet.</source>
        <translation>{sent}, pas encore utilisée.</translation>
    </message>
    <message>
        <source>{tier} customer with no contact on record.</source>
        <translation>Client {tier} sans aucun contact enregistré.</translation>
    </message>
    <message numerus="yes">
        <source>{tier} customer with no contact for %n day(s).</source>
        <translation>
            <numerusform>Client {tier} sans contact depuis %n jour.</numerusform>
            <numerusform>Client {tier} sans contact depuis %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Never asked about {channels} (opted in to {granted}).</source>
        <translation>Consentement jamais demandé pour {channels} (accepte {granted}).</translation>
    </message>
    <message>
        <source>Never asked about {channels}; no channel is opted in yet.</source>
        <translation>Consentement jamais demandé pour {channels}&#xa0;; aucun canal accepté pour l&apos;instant.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New customer…</source>
        <translation>&amp;Nouveau client…</translation>
    </message>
    <message>
        <source>Create a customer: an unknown caller, a walk-in</source>
        <translation>Créer un client&#xa0;: un appelant inconnu, un client de passage</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close Rapport</source>
        <translation>Fermer Rapport</translation>
    </message>
    <message>
        <source>&amp;Find a customer</source>
        <translation>&amp;Rechercher un client</translation>
    </message>
    <message>
        <source>Search by name, email, phone in any format or loyalty id</source>
        <translation>Rechercher par nom, e-mail, téléphone sous toute forme ou numéro de fidélité</translation>
    </message>
    <message>
        <source>&amp;Log interaction…</source>
        <translation>&amp;Noter un échange…</translation>
    </message>
    <message>
        <source>Log a call, chat, visit or note for the open customer</source>
        <translation>Noter un appel, un chat, une visite ou une note pour le client ouvert</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>&amp;Basket…</source>
        <translation>&amp;Panier…</translation>
    </message>
    <message>
        <source>Build a basket for the open customer and send it</source>
        <translation>Préparer un panier pour le client ouvert et le lui envoyer</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>&amp;Consent and preferences…</source>
        <translation>C&amp;onsentement et préférences…</translation>
    </message>
    <message>
        <source>Consent per channel and preferences of the open customer</source>
        <translation>Consentement par canal et préférences du client ouvert</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Book an &amp;appointment…</source>
        <translation>Prendre un rendez-&amp;vous…</translation>
    </message>
    <message>
        <source>Book an in-store appointment for the open customer</source>
        <translation>Prendre un rendez-vous en magasin pour le client ouvert</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Clo&amp;se customer</source>
        <translation>&amp;Fermer la fiche client</translation>
    </message>
    <message>
        <source>Back to the start page: recent customers and today&apos;s tasks</source>
        <translation>Retour à l&apos;accueil&#xa0;: clients récents et tâches du jour</translation>
    </message>
    <message>
        <source>&amp;Wrap up the call…</source>
        <translation>&amp;Clôturer l&apos;appel…</translation>
    </message>
    <message>
        <source>Log the current call, its duration filled in</source>
        <translation>Noter l&apos;appel en cours, avec sa durée déjà remplie</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Clôturer</translation>
    </message>
    <message>
        <source>My &amp;tasks</source>
        <translation>Mes &amp;tâches</translation>
    </message>
    <message>
        <source>Your follow-ups and appointments: overdue, today, upcoming</source>
        <translation>Vos relances et rendez-vous&#xa0;: en retard, du jour, à venir</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Changes not yet on the hub, and what the hub refused</source>
        <translation>Les changements pas encore sur le hub, et ceux qu&apos;il a refusés</translation>
    </message>
    <message>
        <source>Customer &amp;details</source>
        <translation>&amp;Détails du client</translation>
    </message>
    <message>
        <source>Show or hide the chart and details at the top of the customer</source>
        <translation>Afficher ou masquer le graphique et les détails en haut de la fiche client</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every shortcut of Rapport</source>
        <translation>Tous les raccourcis de Rapport</translation>
    </message>
    <message>
        <source>&amp;About Rapport</source>
        <translation>À &amp;propos de Rapport</translation>
    </message>
    <message>
        <source>Version, hub address and licences</source>
        <translation>Version, adresse du hub et licences</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Move through the results; open one</source>
        <translation>Parcourir les résultats&#xa0;; en ouvrir un</translation>
    </message>
    <message>
        <source>Search all customers on the hub</source>
        <translation>Chercher parmi tous les clients du hub</translation>
    </message>
    <message>
        <source>Start screen</source>
        <translation>Écran d&apos;accueil</translation>
    </message>
    <message>
        <source>Open the recent customer or task</source>
        <translation>Ouvrir le client récent ou la tâche</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>Noter un échange</translation>
    </message>
    <message>
        <source>Save from the note</source>
        <translation>Enregistrer depuis la note</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>Mes tâches</translation>
    </message>
    <message>
        <source>Open the task&apos;s customer</source>
        <translation>Ouvrir le client de la tâche</translation>
    </message>
    <message>
        <source>Mark the task done</source>
        <translation>Marquer la tâche comme faite</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Redo or dismiss a refused change</source>
        <translation>Renvoyer ou écarter un changement refusé</translation>
    </message>
    <message>
        <source>Next best action</source>
        <translation>Actions recommandées</translation>
    </message>
    <message>
        <source>Reach a card; act on it</source>
        <translation>Atteindre une carte&#xa0;; agir dessus</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablette</translation>
    </message>
    <message>
        <source>Back to the search</source>
        <translation>Retour à la recherche</translation>
    </message>
</context>
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity over the last 24 months</source>
        <translation>Activité des 24 derniers mois</translation>
    </message>
    <message numerus="yes">
        <source>Last %n month(s): {spend} spent, {contacts}</source>
        <translation>
            <numerusform>%n dernier mois&#xa0;: {spend} dépensés, {contacts}</numerusform>
            <numerusform>%n derniers mois&#xa0;: {spend} dépensés, {contacts}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <comment>the top of the contacts axis</comment>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>No activity</source>
        <translation>Aucune activité</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Dépenses</translation>
    </message>
    <message numerus="yes">
        <source>Last %n month(s)</source>
        <translation>
            <numerusform>%n dernier mois</numerusform>
            <numerusform>%n derniers mois</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>{name} · demo</source>
        <translation>{name} · démo</translation>
    </message>
    <message>
        <source>Rapport settings</source>
        <translation>Réglages de Rapport</translation>
    </message>
    <message>
        <source>The settings file cannot be read:
{problem}</source>
        <translation>Impossible de lire le fichier de réglages&#xa0;:
{problem}</translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation>Pas de trousseau</translation>
    </message>
    <message>
        <source>This computer has no password keyring, so Rapport keeps your sign-in for this session only. You will be asked to sign in again next time.</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau de mots de passe&#xa0;: Rapport garde votre connexion pour cette session seulement. Vous devrez vous reconnecter la prochaine fois.</translation>
    </message>
</context>
<context>
    <name>AppointmentTypes</name>
    <message>
        <source>browsing</source>
        <translation>découverte</translation>
    </message>
    <message>
        <source>ring sizing</source>
        <translation>prise de tour de doigt</translation>
    </message>
    <message>
        <source>financing options</source>
        <translation>solutions de financement</translation>
    </message>
    <message>
        <source>fitting</source>
        <translation>essayage</translation>
    </message>
    <message>
        <source>repair pickup</source>
        <translation>retrait d&apos;une réparation</translation>
    </message>
    <message>
        <source>engraving</source>
        <translation>gravure</translation>
    </message>
    <message>
        <source>personal styling</source>
        <translation>conseil en image</translation>
    </message>
</context>
<context>
    <name>BasketDialog</name>
    <message>
        <source>Take now</source>
        <translation>À emporter</translation>
    </message>
    <message>
        <source>Pick up in store</source>
        <translation>Retrait en magasin</translation>
    </message>
    <message>
        <source>Ship to home</source>
        <translation>Livraison à domicile</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Basket — {name}</source>
        <translation>Panier — {name}</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>Ce magasin</translation>
    </message>
    <message>
        <source>Basket for</source>
        <translation>Panier pour</translation>
    </message>
    <message>
        <source>&amp;Clear these items</source>
        <translation>Ret&amp;irer ces articles</translation>
    </message>
    <message>
        <source>Clear the items from the web cart</source>
        <translation>Retirer les articles du panier web</translation>
    </message>
    <message>
        <source>Start from an empty basket instead of the customer&apos;s web cart</source>
        <translation>Partir d&apos;un panier vide plutôt que du panier web du client</translation>
    </message>
    <message>
        <source>Product name, SKU or category</source>
        <translation>Nom du produit, référence ou catégorie</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>Chercher dans le catalogue</translation>
    </message>
    <message>
        <source>Clear the catalog search</source>
        <translation>Effacer la recherche dans le catalogue</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>Pick a product on the left.</source>
        <translation>Choisissez un produit à gauche.</translation>
    </message>
    <message>
        <source>Colours and sizes with their stock</source>
        <translation>Couleurs et tailles avec leur stock</translation>
    </message>
    <message>
        <source>&amp;Add to basket</source>
        <translation>&amp;Ajouter au panier</translation>
    </message>
    <message>
        <source>Add to the basket (Enter in the quantity)</source>
        <translation>Ajouter au panier (Entrée dans la quantité)</translation>
    </message>
    <message>
        <source>C&amp;olor</source>
        <translation>C&amp;ouleur</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Si&amp;ze</source>
        <translation>&amp;Taille</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>Pro&amp;venance</translation>
    </message>
    <message>
        <source>Take it from</source>
        <translation>Provenance de l&apos;article</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Quantité</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Basket lines</source>
        <translation>Lignes du panier</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>&amp;Supprimer la ligne</translation>
    </message>
    <message>
        <source>Remove the selected line (Delete)</source>
        <translation>Supprimer la ligne sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Pick-up store</source>
        <translation>Magasin de retrait</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>Enre&amp;gistrer le brouillon</translation>
    </message>
    <message>
        <source>Save the draft on this computer (Ctrl+S)</source>
        <translation>Enregistrer le brouillon sur cet ordinateur (Ctrl+S)</translation>
    </message>
    <message>
        <source>Send by &amp;email</source>
        <translation>Envoyer par &amp;e-mail</translation>
    </message>
    <message>
        <source>Send by S&amp;MS</source>
        <translation>Envoyer par S&amp;MS</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close (Esc); a draft not saved is lost</source>
        <translation>Fermer (Échap)&#xa0;; un brouillon non enregistré est perdu</translation>
    </message>
    <message>
        <source>Searc&amp;h the catalog</source>
        <translation>&amp;Chercher dans le catalogue</translation>
    </message>
    <message>
        <source>In the &amp;basket</source>
        <translation>Dans le &amp;panier</translation>
    </message>
    <message>
        <source>&amp;Delivery</source>
        <translation>&amp;Livraison</translation>
    </message>
    <message>
        <source>Pick-up s&amp;tore</source>
        <translation>Magasin de &amp;retrait</translation>
    </message>
    <message>
        <source>From the web cart abandoned {when} ({amount})</source>
        <translation>Repris du panier web abandonné {when} ({amount})</translation>
    </message>
    <message>
        <source>No product matches.</source>
        <translation>Aucun produit ne correspond.</translation>
    </message>
    <message>
        <source>This color does not come in this size.</source>
        <translation>Cette couleur n&apos;existe pas dans cette taille.</translation>
    </message>
    <message>
        <source>this store</source>
        <translation>ce magasin</translation>
    </message>
    <message>
        <source>{n} at {store}</source>
        <translation>{n} à {store}</translation>
    </message>
    <message>
        <source>Out of stock at {store}</source>
        <translation>En rupture à {store}</translation>
    </message>
    <message>
        <source>In stock at {stores}</source>
        <translation>En stock à {stores}</translation>
    </message>
    <message>
        <source>None in other stores</source>
        <translation>Aucun dans les autres magasins</translation>
    </message>
    <message>
        <source>No stock: order anyway</source>
        <translation>Pas de stock&#xa0;: commander quand même</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message>
        <source>Subtotal {amount}</source>
        <translation>Sous-total {amount}</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>offerte</translation>
    </message>
    <message>
        <source>Shipping {amount}</source>
        <translation>Livraison {amount}</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <source>Already on its way.</source>
        <translation>Déjà en cours d&apos;envoi.</translation>
    </message>
    <message>
        <source>Already sent.</source>
        <translation>Déjà envoyé.</translation>
    </message>
    <message>
        <source>Save and send the basket by {channel}.</source>
        <translation>Enregistrer et envoyer le panier par {channel}.</translation>
    </message>
    <message>
        <source>Sending by {channel}: the hub sends it as soon as it can be reached.</source>
        <translation>Envoi par {channel}&#xa0;: le hub l&apos;envoie dès qu&apos;il est joignable.</translation>
    </message>
    <message>
        <source>Sent by {channel}. Link: {link}</source>
        <translation>Envoyé par {channel}. Lien&#xa0;: {link}</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Pas encore enregistré.</translation>
    </message>
    <message>
        <source>Draft saved on this computer.</source>
        <translation>Brouillon enregistré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Add an item before sending the basket.</source>
        <translation>Ajoutez un article avant d&apos;envoyer le panier.</translation>
    </message>
</context>
<context>
    <name>BasketLinesModel</name>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Color · size</source>
        <translation>Couleur · taille</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>Ce magasin</translation>
    </message>
</context>
<context>
    <name>BasketWords</name>
    <message numerus="yes">
        <source>{stores} and %n more</source>
        <translation>
            <numerusform>{stores} et %n autre</numerusform>
            <numerusform>{stores} et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookAppointmentDialog</name>
    <message>
        <source>Book an appointment — {name}</source>
        <translation>Prendre rendez-vous — {name}</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Free times</source>
        <translation>Créneaux libres</translation>
    </message>
    <message>
        <source>The associate&apos;s free times on the chosen day; arrow keys move between them</source>
        <translation>Les créneaux libres du vendeur le jour choisi&#xa0;; les flèches passent de l&apos;un à l&apos;autre</translation>
    </message>
    <message>
        <source>What to prepare: sizes, pieces to set aside…</source>
        <translation>À préparer&#xa0;: tailles, pièces à mettre de côté…</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Magasin</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Quand</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Durée</translation>
    </message>
    <message>
        <source>&amp;Associate</source>
        <translation>&amp;Vendeur</translation>
    </message>
    <message>
        <source>F&amp;ree times</source>
        <translation>Cré&amp;neaux libres</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Réserver</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>{who} · {day} · open {opens}–{closes}</source>
        <translation>{who} · {day} · ouvert de {opens} à {closes}</translation>
    </message>
    <message>
        <source>The store is closed on {weekday}s: choose another day.</source>
        <translation>Le magasin est fermé le {weekday}&#xa0;: choisissez un autre jour.</translation>
    </message>
    <message>
        <source>{who} has no free time left that day: choose another day.</source>
        <translation>{who} n&apos;a plus de créneau libre ce jour-là&#xa0;: choisissez un autre jour.</translation>
    </message>
    <message>
        <source>No store in this computer&apos;s cache: sync first.</source>
        <translation>Aucun magasin dans le cache de cet ordinateur&#xa0;: synchronisez d&apos;abord.</translation>
    </message>
    <message>
        <source>Appointment: {type}</source>
        <translation>Rendez-vous&#xa0;: {type}</translation>
    </message>
    <message>
        <source>Could not save on this computer ({reason}). Try again.</source>
        <translation>Enregistrement impossible sur cet ordinateur ({reason}). Réessayez.</translation>
    </message>
</context>
<context>
    <name>CallStrip</name>
    <message>
        <source>Current call</source>
        <translation>Appel en cours</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Durée de l&apos;appel</translation>
    </message>
    <message>
        <source>The call ended without anything to log: close this strip</source>
        <translation>L&apos;appel s&apos;est terminé sans rien à noter&#xa0;: fermer ce bandeau</translation>
    </message>
    <message>
        <source>Dismiss the call</source>
        <translation>Écarter l&apos;appel</translation>
    </message>
    <message>
        <source>Call from {number}</source>
        <translation>Appel du {number}</translation>
    </message>
    <message>
        <source>Call duration: {time}</source>
        <translation>Durée de l’appel&#xa0;: {time}</translation>
    </message>
</context>
<context>
    <name>CallerChooser</name>
    <message>
        <source>Incoming call — {number}</source>
        <translation>Appel entrant — {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) have the number {number}. Who is calling?</source>
        <translation>
            <numerusform>%n client a le numéro {number}. Qui appelle&#xa0;?</numerusform>
            <numerusform>%n clients ont le numéro {number}. Qui appelle&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers with this number</source>
        <translation>Clients ayant ce numéro</translation>
    </message>
    <message>
        <source>Enter opens the selected customer, 1–9 the numbered one, Esc closes.</source>
        <translation>Entrée ouvre le client sélectionné, 1 à 9 celui de ce numéro, Échap ferme.</translation>
    </message>
</context>
<context>
    <name>CallerModel</name>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>{n}: {name}</source>
        <translation>{n}&#xa0;: {name}</translation>
    </message>
    <message>
        <source>{n}: {name}, {tier} customer</source>
        <translation>{n}&#xa0;: {name}, client {tier}</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>Viewed online</source>
        <translation>Vu en ligne</translation>
    </message>
    <message>
        <source>{name}, {price}</source>
        <translation>{name}, {price}</translation>
    </message>
</context>
<context>
    <name>ConsentPreferencesDialog</name>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Notifications push</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Told the agent on the phone</source>
        <translation>Dit au conseiller au téléphone</translation>
    </message>
    <message>
        <source>In-store form</source>
        <translation>Formulaire en magasin</translation>
    </message>
    <message>
        <source>Told the associate in store</source>
        <translation>Dit au vendeur en magasin</translation>
    </message>
    <message>
        <source>Email reply</source>
        <translation>Réponse par e-mail</translation>
    </message>
    <message>
        <source>Website preference centre</source>
        <translation>Centre de préférences du site</translation>
    </message>
    <message>
        <source>Opted in</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>“{part}”: write what and the size, e.g. shoes 43.</source>
        <translation>«&#xa0;{part}&#xa0;»&#xa0;: indiquez l&apos;article et la taille, par exemple chaussures 43.</translation>
    </message>
    <message>
        <source>{channel} consent</source>
        <translation>Consentement {channel}</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Non demandé</translation>
    </message>
    <message>
        <source>Where did they say so?</source>
        <translation>Où le client l&apos;a-t-il indiqué&#xa0;?</translation>
    </message>
    <message>
        <source>{channel} consent source</source>
        <translation>Source du consentement {channel}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>depuis le {date}</translation>
    </message>
    <message>
        <source>never recorded</source>
        <translation>jamais enregistré</translation>
    </message>
    <message>
        <source>Consent and preferences — {name}</source>
        <translation>Consentement et préférences — {name}</translation>
    </message>
    <message>
        <source>Consent by channel</source>
        <translation>Consentement par canal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Source of this change</source>
        <translation>Source de ce changement</translation>
    </message>
    <message>
        <source>On record</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>An opt-out holds at once on this computer and on every channel once synced.</source>
        <translation>Un refus s&apos;applique aussitôt sur cet ordinateur, et sur tous les canaux une fois synchronisé.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>shoes 43, gloves L, ring 52</source>
        <translation>chaussures 43, gants L, bague 52</translation>
    </message>
    <message>
        <source>black, navy</source>
        <translation>noir, bleu marine</translation>
    </message>
    <message>
        <source>Nike, Molten</source>
        <translation>Nike, Molten</translation>
    </message>
    <message>
        <source>Si&amp;zes</source>
        <translation>&amp;Tailles</translation>
    </message>
    <message>
        <source>Co&amp;lours</source>
        <translation>Cou&amp;leurs</translation>
    </message>
    <message>
        <source>&amp;Brands</source>
        <translation>&amp;Marques</translation>
    </message>
    <message>
        <source>Say where the customer gave this answer.</source>
        <translation>Indiquez où le client a donné cette réponse.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Rapport: unexpected problem</source>
        <translation>Rapport&#xa0;: problème inattendu</translation>
    </message>
    <message>
        <source>The details are in the log:
{path}</source>
        <translation>Le détail est dans le journal&#xa0;:
{path}</translation>
    </message>
    <message>
        <source>Rapport hit an unexpected problem. Your saved work is safe.</source>
        <translation>Rapport a rencontré un problème inattendu. Votre travail enregistré est en sécurité.</translation>
    </message>
    <message>
        <source>Copy the report and send it to your IT support. It holds no customer data.</source>
        <translation>Copiez le rapport et envoyez-le à votre support informatique. Il ne contient aucune donnée client.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
</context>
<context>
    <name>Customer360</name>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;Web intent</source>
        <translation>Intention &amp;web</translation>
    </message>
    <message>
        <source>&amp;Purchases</source>
        <translation>Achat&amp;s</translation>
    </message>
    <message>
        <source>&amp;Offers</source>
        <translation>&amp;Offres</translation>
    </message>
    <message>
        <source>&amp;Purchases ({count})</source>
        <translation>Achat&amp;s ({count})</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Offers (%n active)</source>
        <translation>
            <numerusform>&amp;Offres (%n active)</numerusform>
            <numerusform>&amp;Offres (%n actives)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerHeaderView</name>
    <message>
        <source>{channel}: {status}</source>
        <translation>{channel}&#xa0;: {status}</translation>
    </message>
    <message>
        <source>Actions for this customer</source>
        <translation>Actions pour ce client</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Valeur client</translation>
    </message>
    <message>
        <source>Home store</source>
        <translation>Magasin habituel</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Client depuis</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offres</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Masquer les détails</translation>
    </message>
    <message>
        <source>{value} lifetime</source>
        <translation>{value} au total</translation>
    </message>
    <message>
        <source>{status}: {channels}</source>
        <translation>{status}&#xa0;: {channels}</translation>
    </message>
    <message>
        <source>Unnamed customer</source>
        <translation>Client sans nom</translation>
    </message>
    <message>
        <source>{tier} tier</source>
        <translation>Niveau {tier}</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>{kind}: {value}</source>
        <translation>{kind}&#xa0;: {value}</translation>
    </message>
    <message>
        <source> (primary)</source>
        <translation> (principal)</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Aucune enregistrée</translation>
    </message>
    <message>
        <source>{code} (until {date})</source>
        <translation>{code} (jusqu&apos;au {date})</translation>
    </message>
    <message>
        <source>None active</source>
        <translation>Aucune en cours</translation>
    </message>
</context>
<context>
    <name>HeaderWords</name>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>opted in</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>non demandé</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fidélité</translation>
    </message>
    <message>
        <source>{channel}: {status}</source>
        <translation>{channel}&#xa0;: {status}</translation>
    </message>
    <message>
        <source>source: {source}</source>
        <translation>source&#xa0;: {source}</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>depuis le {date}</translation>
    </message>
    <message>
        <source>{text} ({details})</source>
        <translation>{text} ({details})</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Sizes {values}</source>
        <translation>Tailles {values}</translation>
    </message>
    <message>
        <source>Colours {values}</source>
        <translation>Couleurs {values}</translation>
    </message>
    <message>
        <source>Brands {values}</source>
        <translation>Marques {values}</translation>
    </message>
</context>
<context>
    <name>HubAnswers</name>
    <message>
        <source>a call</source>
        <translation>un appel</translation>
    </message>
    <message>
        <source>a chat</source>
        <translation>un chat</translation>
    </message>
    <message>
        <source>an email</source>
        <translation>un e-mail</translation>
    </message>
    <message>
        <source>an SMS</source>
        <translation>un SMS</translation>
    </message>
    <message>
        <source>a message</source>
        <translation>un message</translation>
    </message>
    <message>
        <source>a store visit</source>
        <translation>une visite en magasin</translation>
    </message>
    <message>
        <source>an appointment</source>
        <translation>un rendez-vous</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>une note</translation>
    </message>
    <message>
        <source>an interaction</source>
        <translation>un échange</translation>
    </message>
    <message>
        <source>a consent change</source>
        <translation>un changement de consentement</translation>
    </message>
    <message>
        <source>a new customer</source>
        <translation>un nouveau client</translation>
    </message>
    <message>
        <source>a profile change</source>
        <translation>un changement de profil</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucun motif donné</translation>
    </message>
    <message>
        <source>The hub refused {what} for {customer}: {reason} ({keys})</source>
        <translation>Le hub a refusé {what} pour {customer}&#xa0;: {reason} ({keys})</translation>
    </message>
    <message>
        <source>The hub kept a newer value for {customer}: {reason}</source>
        <translation>Le hub a gardé une valeur plus récente pour {customer}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>The hub refused %n change(s) and kept newer values for {kept} ({keys} to review)</source>
        <translation>
            <numerusform>Le hub a refusé %n changement et gardé des valeurs plus récentes pour {kept} ({keys} pour voir)</numerusform>
            <numerusform>Le hub a refusé %n changements et gardé des valeurs plus récentes pour {kept} ({keys} pour voir)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The hub refused %n change(s) ({keys} to review)</source>
        <translation>
            <numerusform>Le hub a refusé %n changement ({keys} pour voir)</numerusform>
            <numerusform>Le hub a refusé %n changements ({keys} pour voir)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The hub kept newer values for %n change(s) ({keys} to review)</source>
        <translation>
            <numerusform>Le hub a gardé des valeurs plus récentes pour %n changement ({keys} pour voir)</numerusform>
            <numerusform>Le hub a gardé des valeurs plus récentes pour %n changements ({keys} pour voir)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HubResultsModel</name>
    <message>
        <source>On the hub · no contact yet</source>
        <translation>Sur le hub · aucun contact pour l&apos;instant</translation>
    </message>
    <message>
        <source>On the hub · last contact {when}</source>
        <translation>Sur le hub · dernier contact {when}</translation>
    </message>
    <message>
        <source>{name} · {where}
{keys} brings them to this computer and opens them.</source>
        <translation>{name} · {where}
{keys} copie ce client sur cet ordinateur et l&apos;ouvre.</translation>
    </message>
    <message>
        <source>{name}, on the hub, not on this computer yet</source>
        <translation>{name}, sur le hub, pas encore sur cet ordinateur</translation>
    </message>
</context>
<context>
    <name>IntentBanner</name>
    <message>
        <source>Web intent</source>
        <translation>Intention web</translation>
    </message>
    <message>
        <source>Web intent: {sentence}</source>
        <translation>Intention web&#xa0;: {sentence}</translation>
    </message>
    <message>
        <source>Web intent · last on the site {when}</source>
        <translation>Intention web · dernière visite du site {when}</translation>
    </message>
</context>
<context>
    <name>IntentPanel</name>
    <message>
        <source>Abandoned</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Acheté</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Toujours en cours</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernière vue</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Fois</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernière</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Recherches</translation>
    </message>
    <message>
        <source>No searches</source>
        <translation>Aucune recherche</translation>
    </message>
    <message>
        <source>Carts</source>
        <translation>Paniers</translation>
    </message>
    <message>
        <source>No carts</source>
        <translation>Aucun panier</translation>
    </message>
    <message>
        <source>Products, most interest first</source>
        <translation>Produits, par intérêt décroissant</translation>
    </message>
    <message>
        <source>No product viewed</source>
        <translation>Aucun produit consulté</translation>
    </message>
    <message>
        <source>No web activity</source>
        <translation>Aucune activité web</translation>
    </message>
    <message>
        <source>In cart</source>
        <translation>Dans le panier</translation>
    </message>
</context>
<context>
    <name>IntentWords</name>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n vue</numerusform>
            <numerusform>%n vues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{views} over %n day(s)</source>
        <translation>
            <numerusform>{views} en %n jour</numerusform>
            <numerusform>{views} en %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>{views} {when}</source>
        <translation>{views} {when}</translation>
    </message>
    <message numerus="yes">
        <source>{views} on %n device(s)</source>
        <translation>
            <numerusform>{views} sur %n appareil</numerusform>
            <numerusform>{views} sur %n appareils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{product} and %n other item(s)</source>
        <translation>
            <numerusform>{product} et %n autre article</numerusform>
            <numerusform>{product} et %n autres articles</numerusform>
        </translation>
    </message>
    <message>
        <source>an order of {amount}</source>
        <translation>une commande de {amount}</translation>
    </message>
    <message>
        <source>an order</source>
        <translation>une commande</translation>
    </message>
    <message>
        <source>bought {what} {when}</source>
        <comment>a clause after the main one</comment>
        <translation>a acheté {what} {when}</translation>
    </message>
    <message>
        <source>cart of {amount} still open</source>
        <translation>panier de {amount} toujours en cours</translation>
    </message>
    <message>
        <source>cart of {amount} abandoned {when}</source>
        <translation>panier de {amount} abandonné {when}</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the clauses of the intent sentence</comment>
        <translation>&#xa0;; </translation>
    </message>
    <message numerus="yes">
        <source>No web activity in the last %n day(s)</source>
        <translation>
            <numerusform>Aucune activité web depuis %n jour</numerusform>
            <numerusform>Aucune activité web depuis %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Bought {what} {when} after researching {topic} ({views})</source>
        <translation>A acheté {what} {when} après des recherches sur {topic} ({views})</translation>
    </message>
    <message>
        <source>Bought {what} {when}</source>
        <translation>A acheté {what} {when}</translation>
    </message>
    <message>
        <source>Researching {topic}: {views}</source>
        <translation>Recherches sur {topic}&#xa0;: {views}</translation>
    </message>
    <message>
        <source>Interested in {topic}</source>
        <translation>Intéressé par {topic}</translation>
    </message>
    <message>
        <source>searched {terms}</source>
        <translation>a recherché {terms}</translation>
    </message>
    <message numerus="yes">
        <source>over %n day(s)</source>
        <translation>
            <numerusform>en %n jour</numerusform>
            <numerusform>en %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searched for {terms} (%n searches) {when}</source>
        <translation>
            <numerusform>A recherché {terms} (%n recherche) {when}</numerusform>
            <numerusform>A recherché {terms} (%n recherches) {when}</numerusform>
        </translation>
    </message>
    <message>
        <source>Searched for {terms} {when}</source>
        <translation>A recherché {terms} {when}</translation>
    </message>
    <message numerus="yes">
        <source>Visited the site {when} (%n page view(s))</source>
        <translation>
            <numerusform>A visité le site {when} (%n page vue)</numerusform>
            <numerusform>A visité le site {when} (%n pages vues)</numerusform>
        </translation>
    </message>
    <message>
        <source>Active on the site {when}</source>
        <translation>Actif sur le site {when}</translation>
    </message>
</context>
<context>
    <name>IssuesBand</name>
    <message>
        <source>Open issues</source>
        <translation>Problèmes en cours</translation>
    </message>
    <message>
        <source>Open task: {title}, due {due}</source>
        <translation>Tâche ouverte&#xa0;: {title}, échéance {due}</translation>
    </message>
    <message>
        <source>{n} open tasks, next due {due}</source>
        <translation>{n} tâches ouvertes, prochaine échéance {due}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the hub</source>
        <translation>
            <numerusform>%n changement refusé par le hub</numerusform>
            <numerusform>%n changements refusés par le hub</numerusform>
        </translation>
    </message>
    <message>
        <source>Redo or dismiss it in the outbox</source>
        <translation>Renvoyez-le ou écartez-le dans la boîte d&apos;envoi</translation>
    </message>
</context>
<context>
    <name>LogInteractionDialog</name>
    <message>
        <source>Log an interaction — {name}</source>
        <translation>Noter un échange — {name}</translation>
    </message>
    <message>
        <source>Log an interaction with</source>
        <translation>Noter un échange avec</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Durée de l&apos;appel</translation>
    </message>
    <message>
        <source>How long the call lasted, from the call strip</source>
        <translation>La durée de l&apos;appel, reprise du bandeau d&apos;appel</translation>
    </message>
    <message>
        <source>What the customer wanted, what you did, what happens next.</source>
        <translation>Ce que voulait le client, ce que vous avez fait, la suite.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>&amp;Follow up</source>
        <translation>&amp;Relance</translation>
    </message>
    <message>
        <source>Follow-up: what to do</source>
        <translation>Suivi&#xa0;: que faire</translation>
    </message>
    <message>
        <source>What to do, e.g. call back with the delivery date</source>
        <translation>À faire, par exemple rappeler avec la date de livraison</translation>
    </message>
    <message>
        <source>Follow-up: when it is due</source>
        <translation>Suivi&#xa0;: échéance</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Canal</translation>
    </message>
    <message>
        <source>D&amp;irection</source>
        <translation>&amp;Sens</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Wrap-up</source>
        <translation>&amp;Qualification</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>&amp;Durée</translation>
    </message>
    <message>
        <source>Saved on this computer at once and sent to the hub when it can be reached. Ctrl+Enter saves from the note.</source>
        <translation>Enregistré aussitôt sur cet ordinateur et envoyé au hub dès qu&apos;il est joignable. Ctrl+Entrée enregistre depuis la note.</translation>
    </message>
    <message>
        <source>&amp;Log interaction</source>
        <translation>&amp;Enregistrer l&apos;échange</translation>
    </message>
    <message>
        <source>No wrap-up code</source>
        <translation>Sans qualification</translation>
    </message>
    <message>
        <source>Say what the follow-up is.</source>
        <translation>Indiquez l&apos;objet de la relance.</translation>
    </message>
    <message>
        <source>A follow-up is due in the future.</source>
        <translation>Une relance doit avoir une échéance future.</translation>
    </message>
    <message>
        <source>Could not save on this computer ({reason}). Nothing you typed is lost: try again.</source>
        <translation>Enregistrement impossible sur cet ordinateur ({reason}). Rien de ce que vous avez saisi n&apos;est perdu&#xa0;: réessayez.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rapport — {user}</source>
        <translation>Rapport — {user}</translation>
    </message>
    <message>
        <source>This customer is no longer on this computer.</source>
        <translation>Ce client n&apos;est plus sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No call to wrap up.</source>
        <translation>Aucun appel à clôturer.</translation>
    </message>
    <message>
        <source>The caller is no longer on this computer.</source>
        <translation>L&apos;appelant n&apos;est plus sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Name, email, phone or loyalty id</source>
        <translation>Nom, e-mail, tél. ou n° fidélité</translation>
    </message>
    <message>
        <source>Search all customers on the hub</source>
        <translation>Chercher parmi tous les clients du hub</translation>
    </message>
    <message>
        <source>⚠ Connection to the hub not encrypted (http://)</source>
        <translation>⚠ Connexion au hub non chiffrée (http://)</translation>
    </message>
    <message>
        <source>Open a customer first ({search} to search), then log with {log}.</source>
        <translation>Ouvrez d&apos;abord un client ({search} pour chercher), puis notez l&apos;échange avec {log}.</translation>
    </message>
    <message>
        <source>This window cannot write: it has no local outbox.</source>
        <translation>Cette fenêtre ne peut pas écrire&#xa0;: elle n&apos;a pas de boîte d&apos;envoi locale.</translation>
    </message>
    <message>
        <source>Your note is kept: {keys} brings it back.</source>
        <translation>Votre note est conservée&#xa0;: {keys} la rouvre.</translation>
    </message>
    <message>
        <source>Logged on this computer; it is on its way to the hub.</source>
        <translation>Noté sur cet ordinateur&#xa0;; en route vers le hub.</translation>
    </message>
    <message>
        <source>{name} was created on this computer; on the way to the hub. {keys} logs this call.</source>
        <translation>Fiche de {name} créée sur cet ordinateur&#xa0;; en route vers le hub. {keys} note cet appel.</translation>
    </message>
    <message>
        <source>The customer was created on this computer; on the way to the hub. {keys} logs this call.</source>
        <translation>Fiche client créée sur cet ordinateur&#xa0;; en route vers le hub. {keys} note cet appel.</translation>
    </message>
    <message>
        <source>Open a customer first; consent is changed on this computer&apos;s cache.</source>
        <translation>Ouvrez d&apos;abord un client&#xa0;; le consentement est modifié dans le cache de cet ordinateur.</translation>
    </message>
    <message>
        <source>Open a customer first; the basket is built for them.</source>
        <translation>Ouvrez d&apos;abord un client&#xa0;; le panier est préparé pour lui.</translation>
    </message>
    <message>
        <source>That product is not in this computer&apos;s catalog.</source>
        <translation>Ce produit n&apos;est pas dans le catalogue de cet ordinateur.</translation>
    </message>
    <message>
        <source>Saved on this computer; it is on its way to the hub.</source>
        <translation>Enregistré sur cet ordinateur&#xa0;; en route vers le hub.</translation>
    </message>
    <message>
        <source>Syncing customers to this computer… {percent} %</source>
        <translation>Synchronisation des clients sur cet ordinateur… {percent}&#xa0;%</translation>
    </message>
    <message>
        <source>{before} was merged into {after}: showing {after}.</source>
        <translation>La fiche de {before} a été fusionnée avec celle de {after}&#xa0;: affichage de {after}.</translation>
    </message>
    <message>
        <source>Two profiles of {name} were merged on the hub: showing the combined profile.</source>
        <translation>Deux fiches de {name} ont été fusionnées sur le hub&#xa0;: affichage de la fiche combinée.</translation>
    </message>
    <message>
        <source>Two profiles of this customer were merged on the hub: showing the combined profile.</source>
        <translation>Deux fiches de ce client ont été fusionnées sur le hub&#xa0;: affichage de la fiche combinée.</translation>
    </message>
    <message>
        <source>{name} was merged into another profile; bringing it to this computer…</source>
        <translation>La fiche de {name} a été fusionnée avec une autre&#xa0;; récupération sur cet ordinateur…</translation>
    </message>
    <message>
        <source>This customer was merged into another profile; bringing it to this computer…</source>
        <translation>La fiche de ce client a été fusionnée avec une autre&#xa0;; récupération sur cet ordinateur…</translation>
    </message>
    <message>
        <source>The customer arrived but cannot be shown; try searching again.</source>
        <translation>Le client est arrivé mais ne peut pas être affiché&#xa0;; relancez la recherche.</translation>
    </message>
    <message>
        <source>The merged profile could not be brought here: {reason}</source>
        <translation>La fiche fusionnée n&apos;a pas pu être récupérée ici&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>this window is not connected to a hub</source>
        <translation>cette fenêtre n&apos;est connectée à aucun hub</translation>
    </message>
    <message>
        <source>{name} is no longer on this computer (erased on request, or removed from your customers).</source>
        <translation>{name} n&apos;est plus sur cet ordinateur (effacé sur demande, ou retiré de vos clients).</translation>
    </message>
    <message>
        <source>The customer is no longer on this computer (erased on request, or removed from your customers).</source>
        <translation>Le client n&apos;est plus sur cet ordinateur (effacé sur demande, ou retiré de vos clients).</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The hub could not send this basket.</source>
        <translation>Le hub n&apos;a pas pu envoyer ce panier.</translation>
    </message>
    <message>
        <source>Fulfillment must be one of {ways}.</source>
        <translation>Le mode de remise doit être l&apos;un de ceux-ci&#xa0;: {ways}.</translation>
    </message>
    <message>
        <source>Choose the store where the customer picks it up.</source>
        <translation>Choisissez le magasin où le client le retire.</translation>
    </message>
    <message>
        <source>A basket holds at most {n} lines.</source>
        <translation>Un panier contient au plus {n} lignes.</translation>
    </message>
    <message>
        <source>Quantities go from 1 to {n}.</source>
        <translation>Les quantités vont de 1 à {n}.</translation>
    </message>
    <message>
        <source>This basket was sent: start a new one to change it.</source>
        <translation>Ce panier a été envoyé&#xa0;: commencez-en un nouveau pour le modifier.</translation>
    </message>
    <message>
        <source>This basket belongs to another associate.</source>
        <translation>Ce panier appartient à un autre vendeur.</translation>
    </message>
    <message>
        <source>The customer opted out of email messages.</source>
        <translation>Le client a refusé les messages par e-mail.</translation>
    </message>
    <message>
        <source>The customer opted out of SMS messages.</source>
        <translation>Le client a refusé les messages par SMS.</translation>
    </message>
    <message>
        <source>The customer has not agreed to email messages.</source>
        <translation>Le client n&apos;a pas accepté les messages par e-mail.</translation>
    </message>
    <message>
        <source>The customer has not agreed to SMS messages.</source>
        <translation>Le client n&apos;a pas accepté les messages par SMS.</translation>
    </message>
    <message>
        <source>No email address on file for this customer.</source>
        <translation>Aucune adresse e-mail enregistrée pour ce client.</translation>
    </message>
    <message>
        <source>No phone number on file for this customer.</source>
        <translation>Aucun numéro de téléphone enregistré pour ce client.</translation>
    </message>
    <message>
        <source>This customer is not in this computer&apos;s cache.</source>
        <translation>Ce client n&apos;est pas dans le cache de cet ordinateur.</translation>
    </message>
    <message>
        <source>Baskets are sent by {channels}.</source>
        <translation>Les paniers sont envoyés par {channels}.</translation>
    </message>
    <message>
        <source>Save the basket before sending it.</source>
        <translation>Enregistrez le panier avant de l&apos;envoyer.</translation>
    </message>
    <message>
        <source>The basket is empty: add an item before sending it.</source>
        <translation>Le panier est vide&#xa0;: ajoutez un article avant de l&apos;envoyer.</translation>
    </message>
    <message>
        <source>This basket is already on its way to the customer.</source>
        <translation>Ce panier est déjà en route vers le client.</translation>
    </message>
    <message>
        <source>Give at least a first or a last name.</source>
        <translation>Indiquez au moins un prénom ou un nom.</translation>
    </message>
    <message>
        <source>A name is at most {n} characters.</source>
        <translation>Un nom compte au plus {n} caractères.</translation>
    </message>
    <message>
        <source>This is not an email address (like name@example.com).</source>
        <translation>Ce n&apos;est pas une adresse e-mail (comme nom@exemple.fr).</translation>
    </message>
    <message>
        <source>This is not a phone number. Type it as dialled, or with +country code.</source>
        <translation>Ce n&apos;est pas un numéro de téléphone. Saisissez-le tel que composé, ou avec +indicatif pays.</translation>
    </message>
    <message>
        <source>Unknown consent channel {channel}.</source>
        <translation>Canal de consentement inconnu&#xa0;: {channel}.</translation>
    </message>
    <message>
        <source>Email consent needs an email address.</source>
        <translation>Le consentement par e-mail demande une adresse e-mail.</translation>
    </message>
    <message>
        <source>SMS consent needs a phone number.</source>
        <translation>Le consentement par SMS demande un numéro de téléphone.</translation>
    </message>
    <message>
        <source>Phone consent needs a phone number.</source>
        <translation>Le consentement par téléphone demande un numéro de téléphone.</translation>
    </message>
    <message>
        <source>Say what to do.</source>
        <translation>Indiquez ce qu&apos;il faut faire.</translation>
    </message>
    <message>
        <source>The title is over {n} characters.</source>
        <translation>Le titre dépasse {n} caractères.</translation>
    </message>
    <message>
        <source>The due time needs a time zone.</source>
        <translation>L&apos;échéance doit avoir un fuseau horaire.</translation>
    </message>
    <message>
        <source>Choose what the appointment is for.</source>
        <translation>Choisissez l&apos;objet du rendez-vous.</translation>
    </message>
    <message>
        <source>Choose the store.</source>
        <translation>Choisissez le magasin.</translation>
    </message>
    <message>
        <source>The duration is 1 to {n} minutes.</source>
        <translation>La durée va de 1 à {n} minutes.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Choisissez un moment à venir.</translation>
    </message>
    <message>
        <source>This store is not in this computer&apos;s cache.</source>
        <translation>Ce magasin n&apos;est pas dans le cache de cet ordinateur.</translation>
    </message>
    <message>
        <source>Status must be one of {statuses}.</source>
        <translation>Le statut doit être l&apos;un de ceux-ci&#xa0;: {statuses}.</translation>
    </message>
    <message>
        <source>This task is not in this computer&apos;s cache.</source>
        <translation>Cette tâche n&apos;est pas dans le cache de cet ordinateur.</translation>
    </message>
    <message>
        <source>This text {problem}, which cannot be saved: retype it.</source>
        <translation>Ce texte {problem}, ce qui empêche de l&apos;enregistrer&#xa0;: saisissez-le de nouveau.</translation>
    </message>
    <message>
        <source>Unknown channel {channel}.</source>
        <translation>Canal inconnu&#xa0;: {channel}.</translation>
    </message>
    <message>
        <source>Direction must be one of {directions}.</source>
        <translation>Le sens doit être l&apos;un de ceux-ci&#xa0;: {directions}.</translation>
    </message>
    <message>
        <source>Write a short note of what happened.</source>
        <translation>Écrivez une courte note de ce qui s&apos;est passé.</translation>
    </message>
    <message>
        <source>The note is over {n} characters.</source>
        <translation>La note dépasse {n} caractères.</translation>
    </message>
    <message>
        <source>Say what kind of interaction this was.</source>
        <translation>Indiquez de quel type d&apos;échange il s&apos;agit.</translation>
    </message>
    <message>
        <source>{field} cannot be edited here.</source>
        <translation>{field} ne se modifie pas ici.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Rien à modifier.</translation>
    </message>
    <message>
        <source>Consent is granted or denied.</source>
        <translation>Le consentement est accepté ou refusé.</translation>
    </message>
    <message>
        <source>Say where the consent came from.</source>
        <translation>Indiquez d&apos;où vient le consentement.</translation>
    </message>
    <message>
        <source>This write is no longer waiting for a decision.</source>
        <translation>Ce changement n&apos;attend plus de décision.</translation>
    </message>
    <message>
        <source>Cannot redo a {name} write.</source>
        <translation>Impossible de renvoyer un changement {name}.</translation>
    </message>
    <message>
        <source>contains a NUL character (\u0000)</source>
        <translation>contient un caractère NUL (\u0000)</translation>
    </message>
    <message>
        <source>contains a character that is not valid text (a lone surrogate)</source>
        <translation>contient un caractère qui n&apos;est pas du texte valide (un demi-caractère isolé)</translation>
    </message>
</context>
<context>
    <name>MyTasksModel</name>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>{group} ({count})</source>
        <translation>{group} ({count})</translation>
    </message>
    <message>
        <source> · not sent yet</source>
        <translation> · pas encore envoyé</translation>
    </message>
    <message>
        <source>{due}  {customer} — {title}{mark}</source>
        <translation>{due}  {customer} — {title}{mark}</translation>
    </message>
    <message>
        <source>{title}
{customer}, due {when}</source>
        <translation>{title}
{customer}, échéance {when}</translation>
    </message>
</context>
<context>
    <name>MyTasksPanel</name>
    <message>
        <source>My tasks</source>
        <translation>Mes tâches</translation>
    </message>
    <message>
        <source>Overdue, due today and coming up. Enter opens the customer; {keys} marks the task done.</source>
        <translation>En retard, pour aujourd’hui et à venir. Entrée ouvre le client&#xa0;; {keys} marque la tâche comme faite.</translation>
    </message>
    <message>
        <source>Nothing to follow up.
Book an appointment for the open customer with {keys}.</source>
        <translation>Rien à relancer.
Prenez rendez-vous pour le client ouvert avec {keys}.</translation>
    </message>
    <message>
        <source>&amp;Open customer</source>
        <translation>&amp;Ouvrir le client</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Marquer comme &amp;fait</translation>
    </message>
    <message>
        <source>Mark the selected task done ({keys})</source>
        <translation>Marquer la tâche sélectionnée comme faite ({keys})</translation>
    </message>
    <message>
        <source>Could not mark it done: {reason}</source>
        <translation>Impossible de la marquer comme faite&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Done: {title}</source>
        <translation>Fait&#xa0;: {title}</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>S&amp;MS</source>
        <translation>&amp;SMS</translation>
    </message>
    <message>
        <source>P&amp;hone calls</source>
        <translation>&amp;Appels téléphoniques</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>As dialled, or +country code</source>
        <translation>Tel que composé, ou avec +indicatif pays</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@exemple.fr</translation>
    </message>
    <message>
        <source>The customer agreed on this call to hear from us this way</source>
        <translation>Le client a accepté pendant cet appel d&apos;être contacté ainsi</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <source>E&amp;mail address</source>
        <translation>Adresse e-&amp;mail</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>The channels the customer agreed, on this call, to hear from us on</source>
        <translation>Les canaux par lesquels le client a accepté, pendant cet appel, d&apos;être contacté</translation>
    </message>
    <message>
        <source>&amp;Create customer</source>
        <translation>&amp;Créer le client</translation>
    </message>
    <message>
        <source>Already a customer</source>
        <translation>Déjà client</translation>
    </message>
    <message>
        <source>Saved on this computer now and sent to the hub when it can be reached. If the hub already knows this phone or email, the two profiles become one.</source>
        <translation>Enregistré tout de suite sur cet ordinateur et envoyé au hub dès qu&apos;il est joignable. Si le hub connaît déjà ce téléphone ou cet e-mail, les deux fiches n&apos;en font plus qu&apos;une.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>This phone number belongs to {who}.</source>
        <translation>Ce numéro de téléphone appartient à {who}.</translation>
    </message>
    <message>
        <source>This email address belongs to {who}.</source>
        <translation>Cette adresse e-mail appartient à {who}.</translation>
    </message>
    <message>
        <source>Open {name} instead</source>
        <translation>Ouvrir plutôt {name}</translation>
    </message>
    <message>
        <source>Close this form and open {name}&apos;s profile</source>
        <translation>Fermer ce formulaire et ouvrir la fiche de {name}</translation>
    </message>
    <message>
        <source>Could not save on this computer ({reason}). Nothing you typed is lost: try again.</source>
        <translation>Enregistrement impossible sur cet ordinateur ({reason}). Rien de ce que vous avez saisi n&apos;est perdu&#xa0;: réessayez.</translation>
    </message>
</context>
<context>
    <name>NextActions</name>
    <message>
        <source>Service</source>
        <translation>Service client</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Achat</translation>
    </message>
    <message>
        <source>Goes with it</source>
        <translation>Va avec</translation>
    </message>
    <message>
        <source>Win back</source>
        <translation>Reconquête</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Log the call</source>
        <translation>Noter l&apos;appel</translation>
    </message>
    <message>
        <source>Record their answer</source>
        <translation>Enregistrer sa réponse</translation>
    </message>
    <message>
        <source>Put it in a basket</source>
        <translation>Le mettre dans un panier</translation>
    </message>
    <message>
        <source>See the offer</source>
        <translation>Voir l&apos;offre</translation>
    </message>
    <message>
        <source>See the order</source>
        <translation>Voir la commande</translation>
    </message>
</context>
<context>
    <name>NextActionsPanel</name>
    <message>
        <source>Next best action</source>
        <translation>Actions recommandées</translation>
    </message>
    <message>
        <source>Nothing to suggest: no open issue, offer or recent activity.</source>
        <translation>Rien à suggérer&#xa0;: aucun problème en cours, aucune offre ni activité récente.</translation>
    </message>
    <message>
        <source>Sales suggestions wait until the issue is resolved.</source>
        <translation>Les suggestions de vente attendent que le problème soit réglé.</translation>
    </message>
</context>
<context>
    <name>OffersModel</name>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Notification push</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Envoyée par</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyée le</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Redeemed {date}</source>
        <translation>Utilisée le {date}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>{campaign}: {offer}</source>
        <translation>{campaign}&#xa0;: {offer}</translation>
    </message>
</context>
<context>
    <name>OffersView</name>
    <message>
        <source>Offers sent to this customer</source>
        <translation>Offres envoyées à ce client</translation>
    </message>
    <message>
        <source>No offers sent to this customer</source>
        <translation>Aucune offre envoyée à ce client</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Order / item</source>
        <translation>Commande / article</translation>
    </message>
    <message>
        <source>Channel / variant</source>
        <translation>Canal / variante</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Status / return</source>
        <translation>Statut / retour</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>En préparation</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Expédiée</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Retournée</translation>
    </message>
    <message>
        <source>Subtotal {amount}</source>
        <translation>Sous-total {amount}</translation>
    </message>
    <message>
        <source>shipping {amount}</source>
        <translation>livraison {amount}</translation>
    </message>
    <message>
        <source>refunded {amount}</source>
        <translation>remboursé {amount}</translation>
    </message>
    <message numerus="yes">
        <source>%n returned</source>
        <translation>
            <numerusform>%n retourné</numerusform>
            <numerusform>%n retournés</numerusform>
        </translation>
    </message>
    <message>
        <source>{returned}: {reason}</source>
        <translation>{returned}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Size {size}</source>
        <translation>Taille {size}</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>prénom</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>preferences</source>
        <translation>préférences</translation>
    </message>
    <message>
        <source>opted in</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>{kind}: {summary}</source>
        <translation>{kind}&#xa0;: {summary}</translation>
    </message>
    <message>
        <source>Profile: {changes}</source>
        <translation>Profil&#xa0;: {changes}</translation>
    </message>
    <message>
        <source>{channel} consent: {status} ({source})</source>
        <translation>Consentement {channel}&#xa0;: {status} ({source})</translation>
    </message>
    <message>
        <source>{channel} consent: {status}</source>
        <translation>Consentement {channel}&#xa0;: {status}</translation>
    </message>
    <message>
        <source>Basket sent by email</source>
        <translation>Panier envoyé par e-mail</translation>
    </message>
    <message>
        <source>Basket sent by SMS</source>
        <translation>Panier envoyé par SMS</translation>
    </message>
    <message>
        <source>New customer: {name}</source>
        <translation>Nouveau client&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Follow-up: {title}</source>
        <translation>Suivi&#xa0;: {title}</translation>
    </message>
    <message>
        <source>{title} on {when}</source>
        <translation>{title} le {when}</translation>
    </message>
    <message>
        <source>Task done: {title}</source>
        <translation>Tâche terminée&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Task cancelled: {title}</source>
        <translation>Tâche annulée&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Task reopened: {title}</source>
        <translation>Tâche rouverte&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Task moved to {when}: {title}</source>
        <translation>Tâche reportée au {when}&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Not sent yet: {reason}</source>
        <translation>Pas encore envoyé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Already a customer with the same email: the new profile was merged into theirs.</source>
        <translation>Déjà client avec le même e-mail&#xa0;: le nouveau profil a été fusionné avec le sien.</translation>
    </message>
    <message>
        <source>Already a customer with the same phone number: the new profile was merged into theirs.</source>
        <translation>Déjà client avec le même numéro de téléphone&#xa0;: le nouveau profil a été fusionné avec le sien.</translation>
    </message>
    <message>
        <source>Someone changed {fields} first; the newer value was kept.</source>
        <translation>Quelqu&apos;un a d&apos;abord modifié {fields}&#xa0;; la valeur la plus récente a été gardée.</translation>
    </message>
    <message>
        <source>Already a customer with the same details: the new profile was merged into theirs.</source>
        <translation>Déjà client avec les mêmes coordonnées&#xa0;: le nouveau profil a été fusionné avec le sien.</translation>
    </message>
    <message>
        <source>A more recent {channel} consent was already recorded and was kept.</source>
        <translation>Un consentement {channel} plus récent était déjà enregistré et a été gardé.</translation>
    </message>
    <message>
        <source>This customer&apos;s data was erased at their request; the write was not kept.</source>
        <translation>Les données de ce client ont été effacées à sa demande&#xa0;; la saisie n&apos;a pas été conservée.</translation>
    </message>
    <message>
        <source>This customer is not on the hub (any more).</source>
        <translation>Ce client n&apos;est pas (ou plus) sur le hub.</translation>
    </message>
    <message>
        <source>This basket belongs to another associate: only its owner may change it.</source>
        <translation>Ce panier appartient à un autre conseiller&#xa0;: seul son auteur peut le modifier.</translation>
    </message>
    <message>
        <source>Only the task&apos;s assignee, its creator or a supervisor may change it.</source>
        <translation>Seuls la personne assignée, l&apos;auteur de la tâche ou un superviseur peuvent la modifier.</translation>
    </message>
    <message>
        <source>Customer not on this computer</source>
        <translation>Client absent de cet ordinateur</translation>
    </message>
    <message>
        <source>{state}: {what}, {customer}. {reason}</source>
        <translation>{state}&#xa0;: {what}, {customer}. {reason}</translation>
    </message>
    <message>
        <source>{customer} · made {when}</source>
        <translation>{customer} · fait {when}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucun motif donné</translation>
    </message>
    <message>
        <source>Rejected by the hub ({code}): {reason}</source>
        <translation>Refusé par le hub ({code})&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Rejected by the hub: {reason}</source>
        <translation>Refusé par le hub&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Redo (Enter) sends it again; Dismiss (Delete) forgets it.</source>
        <translation>Renvoyer (Entrée) l&apos;envoie de nouveau&#xa0;; Écarter (Suppr) l&apos;oublie.</translation>
    </message>
    <message>
        <source>Applied, with a notice: {notice}</source>
        <translation>Appliqué, avec un avis&#xa0;: {notice}</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Outbox — changes made on this computer</source>
        <translation>Boîte d&apos;envoi — changements faits sur cet ordinateur</translation>
    </message>
    <message>
        <source>Changes made on this computer that the hub does not have yet, and what it answered. Rejected changes stay here until you redo or dismiss them.</source>
        <translation>Les changements faits sur cet ordinateur que le hub n&apos;a pas encore, et sa réponse. Les changements refusés restent ici jusqu&apos;à ce que vous les renvoyiez ou les écartiez.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Nothing waiting.
Everything changed on this computer has reached the hub.</source>
        <translation>Rien en attente.
Tous les changements faits sur cet ordinateur sont arrivés au hub.</translation>
    </message>
    <message>
        <source>&amp;Redo  (Enter)</source>
        <translation>&amp;Renvoyer  (Entrée)</translation>
    </message>
    <message>
        <source>Send the selected rejected change to the hub again</source>
        <translation>Renvoyer au hub le changement refusé sélectionné</translation>
    </message>
    <message>
        <source>&amp;Dismiss  (Delete)</source>
        <translation>É&amp;carter  (Suppr)</translation>
    </message>
    <message>
        <source>Forget the selected rejected changes or notices; a rejected note leaves the timeline</source>
        <translation>Oublier les changements refusés ou les avis sélectionnés&#xa0;; une note refusée quitte l&apos;historique</translation>
    </message>
    <message>
        <source>&amp;Show customer</source>
        <translation>&amp;Afficher le client</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Only rejected changes can be redone.</source>
        <translation>Seuls les changements refusés peuvent être renvoyés.</translation>
    </message>
    <message>
        <source>Queued again: it is sent to the hub right away.</source>
        <translation>Remis en file&#xa0;: il part tout de suite vers le hub.</translation>
    </message>
    <message>
        <source>Pending changes are still on their way to the hub and cannot be dismissed.</source>
        <translation>Les changements en attente sont en route vers le hub et ne peuvent pas être écartés.</translation>
    </message>
    <message>
        <source>Dismissed.</source>
        <translation>Écarté.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries selected.</source>
        <translation>
            <numerusform>%n entrée sélectionnée.</numerusform>
            <numerusform>%n entrées sélectionnées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected by the hub ({code}):</source>
        <translation>Refusé par le hub ({code})&#xa0;:</translation>
    </message>
    <message>
        <source>Rejected by the hub:</source>
        <translation>Refusé par le hub&#xa0;:</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucun motif donné</translation>
    </message>
    <message>
        <source>Redo sends it again as it is; Dismiss forgets it and removes it from the timeline.</source>
        <translation>Renvoyer l&apos;envoie de nouveau tel quel&#xa0;; Écarter l&apos;oublie et le retire de l&apos;historique.</translation>
    </message>
    <message>
        <source>Redo sends it again as it is; Dismiss forgets it.</source>
        <translation>Renvoyer l&apos;envoie de nouveau tel quel&#xa0;; Écarter l&apos;oublie.</translation>
    </message>
    <message>
        <source>Applied, with a notice: {notice}</source>
        <translation>Appliqué, avec un avis&#xa0;: {notice}</translation>
    </message>
    <message>
        <source>{what}: it is sent as soon as the hub can be reached.</source>
        <translation>{what}&#xa0;: envoyé dès que le hub est joignable.</translation>
    </message>
</context>
<context>
    <name>OutboxWords</name>
    <message numerus="yes">
        <source>Basket saved: %n item(s)</source>
        <translation>
            <numerusform>Panier enregistré&#xa0;: %n article</numerusform>
            <numerusform>Panier enregistré&#xa0;: %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurchasesView</name>
    <message>
        <source>Orders and their items</source>
        <translation>Commandes et leurs articles</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>Aucune commande pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>Reauthenticator</name>
    <message>
        <source>Your sign-in has expired.</source>
        <translation>Votre connexion a expiré.</translation>
    </message>
</context>
<context>
    <name>RecentCustomersModel</name>
    <message>
        <source>Unnamed customer</source>
        <translation>Client sans nom</translation>
    </message>
    <message>
        <source>Opened {when}</source>
        <translation>Ouvert {when}</translation>
    </message>
</context>
<context>
    <name>RepairWords</name>
    <message>
        <source>This computer&apos;s copy of the customer data was damaged and has been rebuilt; it is being downloaded again from the hub.</source>
        <translation>La copie des données clients de cet ordinateur était endommagée et a été reconstruite&#xa0;; elle est de nouveau téléchargée depuis le hub.</translation>
    </message>
    <message>
        <source>The file of changes not yet sent was damaged and has been repaired.</source>
        <translation>Le fichier des changements pas encore envoyés était endommagé et a été réparé.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent were recovered and will be sent.</source>
        <translation>
            <numerusform>%n changement pas encore envoyé a été récupéré et sera envoyé.</numerusform>
            <numerusform>%n changements pas encore envoyés ont été récupérés et seront envoyés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some changes not yet sent may not have been recovered: check your last entries.</source>
        <translation>Certains changements pas encore envoyés n&apos;ont peut-être pas été récupérés&#xa0;: vérifiez vos dernières saisies.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent could not be recovered: please enter them again.</source>
        <translation>
            <numerusform>%n changement pas encore envoyé n&apos;a pas pu être récupéré&#xa0;: saisissez-le de nouveau.</numerusform>
            <numerusform>%n changements pas encore envoyés n&apos;ont pas pu être récupérés&#xa0;: saisissez-les de nouveau.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreenPop</name>
    <message>
        <source>A call came in for {number}, which is not a phone number: search the caller by name ({keys}).</source>
        <translation>Un appel est arrivé pour {number}, qui n&apos;est pas un numéro de téléphone&#xa0;: cherchez l&apos;appelant par son nom ({keys}).</translation>
    </message>
    <message>
        <source>an empty number</source>
        <translation>un numéro vide</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>{name}, {tier} customer</source>
        <translation>{name}, client {tier}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search customers  ({keys})</source>
        <translation>Rechercher un client  ({keys})</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Chercher des clients</translation>
    </message>
    <message>
        <source>Name, email, phone number in any format or loyalty id. Down moves to the results, Enter opens the customer, Ctrl+Enter searches every customer on the hub, Esc clears.</source>
        <translation>Nom, e-mail, numéro de téléphone sous toute forme ou n° de fidélité. Bas va aux résultats, Entrée ouvre le client, Ctrl+Entrée cherche parmi tous les clients du hub, Échap efface.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Clear the search (Esc)</source>
        <translation>Effacer la recherche (Échap)</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Clients correspondants</translation>
    </message>
    <message>
        <source>Search all customers on the hub
({keys})</source>
        <translation>Chercher parmi tous les clients du hub
({keys})</translation>
    </message>
    <message>
        <source>This computer keeps the customers of your store and the ones you opened; the hub has everyone.</source>
        <translation>Cet ordinateur garde les clients de votre magasin et ceux que vous avez ouverts&#xa0;; le hub les a tous.</translation>
    </message>
    <message>
        <source>On the hub — not on this computer yet</source>
        <translation>Sur le hub — pas encore sur cet ordinateur</translation>
    </message>
    <message>
        <source>Customers on the hub, not on this computer</source>
        <translation>Clients du hub absents de cet ordinateur</translation>
    </message>
    <message>
        <source>The hub cannot be reached right now: this search covers this computer&apos;s cache only.</source>
        <translation>Le hub est injoignable pour le moment&#xa0;: cette recherche ne couvre que le cache de cet ordinateur.</translation>
    </message>
    <message>
        <source>The hub has no other customer matching {query}.</source>
        <translation>Le hub n&apos;a aucun autre client correspondant à {query}.</translation>
    </message>
    <message>
        <source>The hub could not be searched: {reason}</source>
        <translation>Recherche impossible sur le hub&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>This customer could not be brought to this computer: {reason}</source>
        <translation>Ce client n&apos;a pas pu être copié sur cet ordinateur&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Type a name, an email, a phone number in any format or a loyalty id.</source>
        <translation>Saisissez un nom, un e-mail, un numéro de téléphone sous toute forme ou un n° de fidélité.</translation>
    </message>
    <message>
        <source>No customer matches {query} in this computer&apos;s cache. The hub cannot be reached, so only this computer&apos;s cache was searched. {keys} creates a customer.</source>
        <translation>Aucun client ne correspond à {query} dans le cache de cet ordinateur. Le hub est injoignable, seul le cache de cet ordinateur a été consulté. {keys} crée un client.</translation>
    </message>
    <message>
        <source>No customer matches {query} on this computer. {keys} creates a customer.</source>
        <translation>Aucun client ne correspond à {query} sur cet ordinateur. {keys} crée un client.</translation>
    </message>
    <message>
        <source>Offline: this search covers this computer&apos;s cache only.</source>
        <translation>Hors ligne&#xa0;: cette recherche ne couvre que le cache de cet ordinateur.</translation>
    </message>
    <message>
        <source>Bringing this customer to this computer…</source>
        <translation>Copie de ce client sur cet ordinateur…</translation>
    </message>
    <message>
        <source>Searching all customers on the hub…</source>
        <translation>Recherche parmi tous les clients du hub…</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Local cache repaired</source>
        <translation>Cache local réparé</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>ShortcutsModel</name>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Enter the hub address, for example https://rapport.example.com</source>
        <translation>Saisissez l&apos;adresse du hub, par exemple https://rapport.example.com</translation>
    </message>
    <message>
        <source>Sign in to Rapport</source>
        <translation>Connexion à Rapport</translation>
    </message>
    <message>
        <source>&amp;Hub address</source>
        <translation>Adresse du &amp;hub</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Saisissez votre identifiant.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>Sign-in failed: {reason}</source>
        <translation>Échec de la connexion&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>No customer open</source>
        <translation>Aucun client ouvert</translation>
    </message>
    <message>
        <source>Search for a customer with {keys}, or take a call: the caller opens here.</source>
        <translation>Cherchez un client avec {keys}, ou prenez un appel&#xa0;: la fiche de l&apos;appelant s&apos;ouvre ici.</translation>
    </message>
    <message>
        <source>Recent customers</source>
        <translation>Clients récents</translation>
    </message>
    <message>
        <source>Customers you open show up here.</source>
        <translation>Les clients que vous ouvrez apparaissent ici.</translation>
    </message>
    <message>
        <source>Today&apos;s tasks</source>
        <translation>Tâches du jour</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>Rien de prévu aujourd&apos;hui.</translation>
    </message>
</context>
<context>
    <name>StatusWords</name>
    <message>
        <source> · last sync {when}</source>
        <translation> · dernière synchro {when}</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Syncing · {done} of about {total} changes</source>
        <translation>Synchronisation · {done} sur environ {total} changements</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message numerus="yes">
        <source>Offline for %n day(s)</source>
        <translation>
            <numerusform>Hors ligne depuis %n jour</numerusform>
            <numerusform>Hors ligne depuis %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline since {when}</source>
        <translation>Hors ligne depuis {when}</translation>
    </message>
    <message>
        <source>{state} · retrying</source>
        <translation>{state} · reconnexion…</translation>
    </message>
    <message>
        <source>Signed out · sign in again to sync (nothing local is lost)</source>
        <translation>Déconnecté · reconnectez-vous pour synchroniser (rien de local n&apos;est perdu)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message numerus="yes">
        <source>{count} pending</source>
        <translation>
            <numerusform>{count} en attente</numerusform>
            <numerusform>{count} en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} rejected</source>
        <translation>
            <numerusform>{count} refusé</numerusform>
            <numerusform>{count} refusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} notice(s)</source>
        <translation>
            <numerusform>{count} avis</numerusform>
            <numerusform>{count} avis</numerusform>
        </translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation>Tout est envoyé</translation>
    </message>
    <message>
        <source>The hub cannot be reached. You can keep working: searches and customer screens use this computer&apos;s cache, and what you log is sent as soon as the hub is back.</source>
        <translation>Le hub est injoignable. Vous pouvez continuer à travailler&#xa0;: les recherches et les fiches clients utilisent le cache de cet ordinateur, et ce que vous notez part dès que le hub est de retour.</translation>
    </message>
    <message>
        <source>Last error: {message}</source>
        <translation>Dernière erreur&#xa0;: {message}</translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) saved on this computer, waiting for the hub.</source>
        <translation>
            <numerusform>{count} changement enregistré sur cet ordinateur, en attente du hub.</numerusform>
            <numerusform>{count} changements enregistrés sur cet ordinateur, en attente du hub.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) refused by the hub: redo or dismiss them.</source>
        <translation>
            <numerusform>{count} changement refusé par le hub&#xa0;: renvoyez-le ou écartez-le.</numerusform>
            <numerusform>{count} changements refusés par le hub&#xa0;: renvoyez-les ou écartez-les.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) applied, but the hub kept a newer value.</source>
        <translation>
            <numerusform>{count} changement appliqué, mais le hub a gardé une valeur plus récente.</numerusform>
            <numerusform>{count} changements appliqués, mais le hub a gardé une valeur plus récente.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything changed on this computer has reached the hub.</source>
        <translation>Tous les changements faits sur cet ordinateur sont arrivés au hub.</translation>
    </message>
    <message>
        <source>Open the outbox ({keys}).</source>
        <translation>Ouvrir la boîte d&apos;envoi ({keys}).</translation>
    </message>
    <message>
        <source>Outbox: {state}</source>
        <translation>Boîte d&apos;envoi&#xa0;: {state}</translation>
    </message>
</context>
<context>
    <name>TabletPanes</name>
    <message>
        <source>Find a customer</source>
        <translation>Rechercher un client</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>Retour à la recherche</translation>
    </message>
    <message>
        <source>Back to the search results ({esc}, {keys})</source>
        <translation>Retour aux résultats de la recherche ({esc}, {keys})</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Every command: new customer, tasks, outbox, help</source>
        <translation>Toutes les commandes&#xa0;: nouveau client, tâches, boîte d&apos;envoi, aide</translation>
    </message>
    <message>
        <source>Results for {query}</source>
        <translation>Résultats pour {query}</translation>
    </message>
</context>
<context>
    <name>TaskWords</name>
    <message>
        <source>No tasks due</source>
        <translation>Aucune tâche à faire</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n tâche à faire</numerusform>
            <numerusform>%n tâches à faire</numerusform>
        </translation>
    </message>
    <message>
        <source>Due {when}: {title} — {customer}</source>
        <translation>Échéance {when}&#xa0;: {title} — {customer}</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks are due now ({names})</source>
        <translation>
            <numerusform>%n tâche arrive à échéance ({names})</numerusform>
            <numerusform>%n tâches arrivent à échéance ({names})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksBadge</name>
    <message>
        <source>{overdue} overdue, {today} due later today, {upcoming} upcoming. Open my tasks ({keys}).</source>
        <translation>{overdue} en retard, {today} plus tard aujourd&apos;hui, {upcoming} à venir. Ouvrir mes tâches ({keys}).</translation>
    </message>
</context>
<context>
    <name>TasksController</name>
    <message>
        <source>This window has no local cache to keep tasks in.</source>
        <translation>Cette fenêtre n&apos;a pas de cache local où garder les tâches.</translation>
    </message>
    <message>
        <source>This customer is no longer on this computer.</source>
        <translation>Ce client n&apos;est plus sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Open a customer first ({search} to search), then book with {book}.</source>
        <translation>Ouvrez d&apos;abord un client ({search} pour chercher), puis prenez rendez-vous avec {book}.</translation>
    </message>
    <message>
        <source>Appointment booked on this computer; on its way to the hub.</source>
        <translation>Rendez-vous pris sur cet ordinateur&#xa0;; en route vers le hub.</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>refused by the hub</source>
        <translation>refusé par le hub</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Refusé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>{title} — {when}</source>
        <translation>{title} — {when}</translation>
    </message>
    <message>
        <source>Not synced yet: saved on this computer, sent to the hub as soon as it can be reached.</source>
        <translation>Pas encore synchronisé&#xa0;: enregistré sur cet ordinateur, envoyé au hub dès qu&apos;il sera joignable.</translation>
    </message>
    <message>
        <source>Refused by the hub: {reason}</source>
        <translation>Refusé par le hub&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Open the outbox (Ctrl+Shift+O) to redo or dismiss it.</source>
        <translation>Ouvrez la boîte d&apos;envoi (Ctrl+Maj+O) pour le renvoyer ou l&apos;écarter.</translation>
    </message>
    <message>
        <source>{title}, {when}. {detail}</source>
        <translation>{title}, {when}. {detail}</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Pas encore synchronisé.</translation>
    </message>
    <message>
        <source>Refused by the hub: {reason}.</source>
        <translation>Refusé par le hub&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Show only {channel}; pick several to combine</source>
        <translation>Afficher seulement {channel}&#xa0;; en choisir plusieurs pour les combiner</translation>
    </message>
    <message>
        <source>Show every channel</source>
        <translation>Afficher tous les canaux</translation>
    </message>
    <message>
        <source>Nothing on these channels yet</source>
        <translation>Rien sur ces canaux pour le moment</translation>
    </message>
    <message>
        <source>No activity yet</source>
        <translation>Aucune activité pour le moment</translation>
    </message>
</context>
<context>
    <name>TimelineWords</name>
    <message>
        <source>{n} s</source>
        <comment>a duration in seconds</comment>
        <translation>{n}&#xa0;s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <comment>a duration in minutes</comment>
        <translation>{n}&#xa0;min</translation>
    </message>
    <message>
        <source>{h} h {mm}</source>
        <comment>a duration in hours and minutes</comment>
        <translation>{h}&#xa0;h&#xa0;{mm}</translation>
    </message>
    <message>
        <source>{title} · {extra}</source>
        <comment>a title and a detail of it</comment>
        <translation>{title} · {extra}</translation>
    </message>
    <message>
        <source>Web order {number}</source>
        <translation>Commande web {number}</translation>
    </message>
    <message>
        <source>Store purchase {number}</source>
        <translation>Achat en magasin {number}</translation>
    </message>
    <message>
        <source>Phone order {number}</source>
        <translation>Commande par téléphone {number}</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Commande {number}</translation>
    </message>
    <message>
        <source>Web session</source>
        <translation>Visite du site</translation>
    </message>
    <message>
        <source>Web session on {devices}</source>
        <translation>Visite du site sur {devices}</translation>
    </message>
    <message>
        <source>Inbound call</source>
        <translation>Appel entrant</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <translation>Appel sortant</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Email received</source>
        <translation>E-mail reçu</translation>
    </message>
    <message>
        <source>Email sent</source>
        <translation>E-mail envoyé</translation>
    </message>
    <message>
        <source>SMS received</source>
        <translation>SMS reçu</translation>
    </message>
    <message>
        <source>SMS sent</source>
        <translation>SMS envoyé</translation>
    </message>
    <message>
        <source>Store visit</source>
        <translation>Visite en magasin</translation>
    </message>
    <message>
        <source>Appointment: {subject}</source>
        <translation>Rendez-vous&#xa0;: {subject}</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Newsletter</source>
        <translation>Newsletter</translation>
    </message>
    <message>
        <source>{channel} offer</source>
        <translation>Offre par {channel}</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Enquête</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{channel} message</source>
        <translation>Message par {channel}</translation>
    </message>
    <message>
        <source>{channel} review</source>
        <translation>Avis sur {channel}</translation>
    </message>
    <message>
        <source>Contact form</source>
        <translation>Formulaire de contact</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message numerus="yes">
        <source>%n product view(s)</source>
        <translation>
            <numerusform>%n produit consulté</numerusform>
            <numerusform>%n produits consultés</numerusform>
        </translation>
    </message>
    <message>
        <source>{views} in {category}</source>
        <translation>{views} dans {category}</translation>
    </message>
    <message numerus="yes">
        <source>%n page view(s)</source>
        <translation>
            <numerusform>%n page vue</numerusform>
            <numerusform>%n pages vues</numerusform>
        </translation>
    </message>
    <message>
        <source>searched {terms}</source>
        <translation>a recherché {terms}</translation>
    </message>
    <message>
        <source>added to cart</source>
        <translation>ajout au panier</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>commande passée</translation>
    </message>
    <message>
        <source>started checkout</source>
        <translation>paiement commencé</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a web session</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>processing</source>
        <translation>en préparation</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>expédiée</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>livrée</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>retournée</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <source>information given</source>
        <translation>information donnée</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>vente</translation>
    </message>
    <message>
        <source>callback</source>
        <translation>à rappeler</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>escaladé</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>transféré</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>voicemail</source>
        <translation>messagerie vocale</translation>
    </message>
    <message>
        <source>item</source>
        <comment>an order line without a name</comment>
        <translation>article</translation>
    </message>
    <message numerus="yes">
        <source>{first} and %n more</source>
        <translation>
            <numerusform>{first} et %n autre</numerusform>
            <numerusform>{first} et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items: {items}</source>
        <translation>
            <numerusform>%n article&#xa0;: {items}</numerusform>
            <numerusform>%n articles&#xa0;: {items}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{items} (%n returned)</source>
        <translation>
            <numerusform>{items} (%n retourné)</numerusform>
            <numerusform>{items} (%n retournés)</numerusform>
        </translation>
    </message>
    <message>
        <source>{summary} — {answer}</source>
        <translation>{summary} — {answer}</translation>
    </message>
</context>
<context>
    <name>UnknownCallerPanel</name>
    <message>
        <source>Unknown caller — {number}</source>
        <translation>Appelant inconnu — {number}</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Appelant inconnu</translation>
    </message>
    <message>
        <source>No customer on this computer has this number. Create a customer with it, search every customer on the hub, or ask the caller&apos;s name.</source>
        <translation>Aucun client de cet ordinateur n&apos;a ce numéro. Créez un client avec ce numéro, cherchez parmi tous les clients du hub ou demandez son nom à l&apos;appelant.</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>&amp;Nouveau client…</translation>
    </message>
    <message>
        <source>Search the &amp;hub</source>
        <translation>Chercher sur le &amp;hub</translation>
    </message>
    <message>
        <source>Search by &amp;name</source>
        <translation>Chercher par n&amp;om</translation>
    </message>
    <message>
        <source>&amp;Copy number</source>
        <translation>&amp;Copier le numéro</translation>
    </message>
    <message>
        <source>Search every customer on the hub for this number</source>
        <translation>Chercher ce numéro parmi tous les clients du hub</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Rapport {version} is available</source>
        <translation>Rapport {version} est disponible</translation>
    </message>
    <message>
        <source>{notice}: &lt;a href=&quot;{url}&quot;&gt;download&lt;/a&gt;</source>
        <translation>{notice}&#xa0;: &lt;a href=&quot;{url}&quot;&gt;télécharger&lt;/a&gt;</translation>
    </message>
    <message>
        <source>You have Rapport {version}. Your IT team may install it for you.</source>
        <translation>Vous avez Rapport {version}. Votre service informatique peut l&apos;installer pour vous.</translation>
    </message>
</context>
<context>
    <name>VariantStockModel</name>
    <message>
        <source>Color · size</source>
        <translation>Couleur · taille</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>Ce magasin</translation>
    </message>
    <message>
        <source>Other stores</source>
        <translation>Autres magasins</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>En rupture</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>demain</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <comment>a day word and a time: today 14:05</comment>
        <translation>{day} à {time}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list but the last two</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>{items} and {last}</source>
        <comment>a list of several things</comment>
        <translation>{items} et {last}</translation>
    </message>
    <message>
        <source>email</source>
        <comment>channel</comment>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <comment>channel</comment>
        <translation>SMS</translation>
    </message>
    <message>
        <source>phone</source>
        <comment>channel</comment>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>push</source>
        <comment>channel</comment>
        <translation>push</translation>
    </message>
    <message>
        <source>mail</source>
        <comment>channel: letters by post</comment>
        <translation>courrier</translation>
    </message>
    <message>
        <source>app</source>
        <comment>channel</comment>
        <translation>appli</translation>
    </message>
    <message>
        <source>social</source>
        <comment>channel: social networks</comment>
        <translation>réseaux sociaux</translation>
    </message>
    <message>
        <source>web</source>
        <comment>channel</comment>
        <translation>web</translation>
    </message>
    <message>
        <source>store</source>
        <comment>channel</comment>
        <translation>magasin</translation>
    </message>
    <message>
        <source>chat</source>
        <comment>channel</comment>
        <translation>chat</translation>
    </message>
    <message>
        <source>desktop</source>
        <comment>device</comment>
        <translation>ordinateur</translation>
    </message>
    <message>
        <source>mobile</source>
        <comment>device</comment>
        <translation>mobile</translation>
    </message>
    <message>
        <source>tablet</source>
        <comment>device</comment>
        <translation>tablette</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <comment>quoting what someone typed or wrote</comment>
        <translation>«&#xa0;{text}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Wrapup</name>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Appli</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Réseaux sociaux</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Store visit</source>
        <translation>Visite en magasin</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Entrant</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Sortant</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Information given</source>
        <translation>Information donnée</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>À rappeler</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escaladé</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Messagerie vocale</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Échange</translation>
    </message>
</context>
</TS>
