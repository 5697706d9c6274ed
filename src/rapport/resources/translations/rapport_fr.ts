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
        <translation>Noter l&apos;appel</translation>
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
    <message numerus="yes">
        <source>%n contact(s)</source>
        <comment>the top of the contacts axis</comment>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
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
    <name>BookAppointmentDialog</name>
    <message>
        <source>Free times</source>
        <translation>Créneaux libres</translation>
    </message>
    <message>
        <source>The associate&apos;s free times on the chosen day; arrow keys move between them</source>
        <translation>Les créneaux libres du vendeur le jour choisi&#xa0;; les flèches passent de l&apos;un à l&apos;autre</translation>
    </message>
    <message>
        <source>F&amp;ree times</source>
        <translation>Cré&amp;neaux libres</translation>
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
    <name>CustomerHeaderView</name>
    <message>
        <source>Actions for this customer</source>
        <translation>Actions pour ce client</translation>
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
</context>
<context>
    <name>IntentBanner</name>
    <message>
        <source>Web intent: {sentence}</source>
        <translation>Intention web&#xa0;: {sentence}</translation>
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
        <source>What to do, e.g. call back with the delivery date</source>
        <translation>À faire, par exemple rappeler avec la date de livraison</translation>
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
        <source>Open a customer first ({search} to search), then log with {log}.</source>
        <translation>Ouvrez d&apos;abord un client ({search} pour chercher), puis notez l&apos;échange avec {log}.</translation>
    </message>
</context>
<context>
    <name>MyTasksPanel</name>
    <message>
        <source>Nothing to follow up.
Book an appointment for the open customer with {keys}.</source>
        <translation>Rien à relancer.
Prenez rendez-vous pour le client ouvert avec {keys}.</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <source>Already a customer</source>
        <translation>Déjà client</translation>
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
        <source>Not sent yet: {reason}</source>
        <translation>Pas encore envoyé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
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
    <name>TabletPanes</name>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Every command: new customer, tasks, outbox, help</source>
        <translation>Toutes les commandes&#xa0;: nouveau client, tâches, boîte d&apos;envoi, aide</translation>
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
    <name>Words</name>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
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
        <translation>Notification push</translation>
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
