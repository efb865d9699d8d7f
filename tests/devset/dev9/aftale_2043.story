@header Aftale om kommunernes økonomi for 2043
@footer Regeringen · KL · 2. juni 2042 — side {page}
# Aftale om kommunernes
# økonomi for 2043

2. juni 2042

## 1. Et stærkt lokalt fællesskab

Kommunerne er det sted, hvor de fleste borgere møder den offentlige sektor. Det gælder i dagtilbuddet og i skolen, i hjemmeplejen og på jobcentret. Når velfærden skal udvikles, sker det derfor i høj grad i kommunerne.

Regeringen og KL er enige om, at de kommende år kræver, at velfærden indrettes med omtanke. Der bliver markant flere ældre, og der er færre hænder til at løse opgaverne. Det stiller krav til ledelse, til teknologi og til samarbejdet mellem kommuner, regioner og stat.

Med denne aftale tager parterne et skridt mod en velfærd, der bygger mere på faglig dømmekraft og mindre på proceskrav. Aftalen giver samtidig kommunerne en økonomi, der følger med udviklingen i antallet af ældre og børn i budgetåret.

## 2. Økonomien i hovedtræk

Aftalen for 2042 fastlagde servicerammen til 512,4 mia. kr. og kommunernes anlæg til 31,8 mia. kr. Kommunerne har i deres budgetter for 2042 under ét overholdt begge rammer. Parterne noterer sig, at det er tiende år i træk, at budgetterne samlet set holder sig inden for det aftalte.

For næste år er regeringen og KL enige om et løft af servicerammen på 2,9 mia. kr. Løftet skal sikre, at kommunerne kan følge med den demografiske udvikling, og at der er plads til at styrke indsatsen for de svageste ældre. Oven i løftet kommer de 1,1 mia. kr., som partierne bag finansloven for 2043 har afsat til ældreplejen, og som udmøntes over bloktilskuddet efter en særskilt fordeling.

Der er enighed om, at kommunernes investeringer fortsat skal have et højt niveau, så skoler, daginstitutioner og plejeboliger kan tilpasses den demografiske udvikling, og så klimatilpasningen kan fortsætte. Samtidig skal anlægsaktiviteten tage hensyn til kapaciteten i bygge- og anlægssektoren.

Kommunernes og regeringens fælles ambition er, at den kommunale gæld under ét nedbringes over de kommende år. Der er afsat en lånepulje på i alt 1,6 mia. kr. i perioden 2043–2046 til kommuner med særlige behov for at investere i energirenovering af eksisterende bygninger.

En række kommuner med svage økonomiske vilkår har i de seneste år haft vanskeligt ved at få budgetterne til at hænge sammen. Regeringen og KL er derfor enige om at yde et midlertidigt, ekstraordinært finansieringstilskud i budgetåret, som i særlig grad målrettes disse kommuner.

De nærmere forudsætninger for aftalen, herunder servicerammen, anlægsniveauet, den kommunale balance og skattefastsættelsen, fremgår af bilag 1 og bilag 2.

## 3. Ældre og sundhed

Antallet af borgere over 80 år vokser med omkring 4 pct. om året. Parterne er enige om, at ældreplejen skal bygge på faste teams, tillid til medarbejderne og en tæt dialog med de ældre og deres pårørende.

Regeringen og KL vil i efteråret 2042 gennemgå reglerne om dokumentation i ældreplejen med henblik på at fjerne krav, der ikke bidrager til kvalitet eller retssikkerhed.

Det nære sundhedsvæsen skal styrkes, så flere borgere kan behandles tæt på hjemmet. Kommuner og regioner skal i de nye sundhedsråd aftale, hvordan de akutte funktioner fordeles, så der ikke opstår huller i tilbuddet til borgerne.

[boks Boks 1. Regionernes økonomi i 2043]
Regeringen og Danske Regioner har samtidig indgået aftale om regionernes økonomi for 2043. Med den aftale løftes regionernes sundhedsudgifter med 3,4 mia. kr., så de udgør 176,9 mia. kr. i 2043. Regionernes anlægsramme er aftalt til 5,4 mia. kr. ekskl. projekter med statslig finansiering.

Kommunernes bidrag til regionerne på udviklingsområdet er beskrevet i bilag 1.
[/boks]

## 4. Børn, unge og uddannelse

Alle børn skal have en god start på livet. Parterne er enige om at fortsætte arbejdet med at styrke kvaliteten i dagtilbud og skole, og at kommunerne får bedre muligheder for at tilpasse kapaciteten i dagtilbuddene, hvor børnetallet falder.

Regeringen og KL vil forenkle reglerne for den understøttende undervisning, så skolerne selv kan tilrettelægge skoledagen efter elevernes behov. Forenklingen skal have virkning fra skoleåret 2043/44.

Flere unge skal have en uddannelse. Kommunernes ungeindsats skal i højere grad samarbejde med erhvervsskolerne, og parterne vil følge op på, om de unge, der forlader grundskolen uden en plan, får den hjælp, de har behov for.

## 5. Beskæftigelse og integration

Arbejdsmarkedet er stramt i det meste af landet. Regeringen og KL er enige om, at beskæftigelsesindsatsen skal målrettes dem, der er længst fra arbejdsmarkedet, og at kravene til samtaler og dokumentation lempes for de ledige, der selv kan finde job.

Kommunerne skal fortsat have et særligt fokus på at få flere kvinder med indvandrerbaggrund i beskæftigelse. Parterne vil følge udviklingen i forbindelse med forhandlingerne om kommunernes økonomi for 2044.

## 6. Digitalisering og teknologi

Parterne er enige om at fortsætte den fællesoffentlige digitaliseringsindsats og at sikre en stabil drift af den fælles infrastruktur. Kommunerne skal i højere grad anvende løsninger, der er udviklet i fællesskab, frem for at udvikle egne systemer.

Regeringen og KL vil i 2043 gennemføre forsøg med automatisering af sagsbehandlingen på udvalgte områder af ydelsesområdet. Erfaringerne skal danne grundlag for en bredere udbredelse.

[side]

## Bilag 1. Forudsætninger for aftalen

### Serviceudgifter

Udgangspunktet for servicerammen for 2043 er det kommunale udgiftsloft. Regeringen og KL er enige om at hæve udgangspunktet med 2,9 mia. kr. Servicerammen for 2043 er herefter fastsat til 531,6 mia. kr. Dertil kommer reguleringer i medfør af DUT-princippet mv.

### Bruttoanlæg

Kommunernes bruttoanlægsudgifter udgør 32,5 mia. kr. i 2043 ekskl. ældreboliger. Inklusive ældreboliger udgør de samlede bruttoanlægsudgifter 33,4 mia. kr. Det er niveauet ekskl. ældreboliger, der indgår i den kommunale balance og i vurderingen af aftaleoverholdelsen.

### Betinget bloktilskud

I alt 4 mia. kr. af bloktilskuddet for 2043 er betinget. Heraf er 3 mia. kr. betinget af, at kommunernes budgetterede serviceudgifter samlet set ligger inden for servicerammen, og 1 mia. kr. af, at de budgetterede bruttoanlægsudgifter holder sig inden for det aftalte anlægsniveau, under hensyntagen til det samlede budgetterede niveau for service og anlæg.

### Finansieringstilskud

Der ydes i 2043 et ekstraordinært finansieringstilskud på 1,5 mia. kr. Heraf fordeles 1,0 mia. kr. efter kommunernes grundlæggende økonomiske vilkår, mens 0,5 mia. kr. fordeles efter indbyggertal.

### Overførsler og beskæftigelsestilskud

Kommunernes udgifter til overførsler forudsættes at udgøre 130,4 mia. kr. i 2043. Hertil kommer udgifter til forsørgelse og aktivering af forsikrede ledige på 22,1 mia. kr., som finansieres af beskæftigelsestilskuddet.

Kommunernes samlede økonomi i 2043 fremgår af tabel 1.

**Tabel 1. Kommunernes balance i 2043**

[tabel]
| **Mia. kr., 2043-pl** | **Aftale 2043** |
| Serviceudgifter | 531,6 |
| Aktivitetsbestemt medfinansiering | 39,9 |
| Overførsler | 130,4 |
| Forsikrede ledige | 22,1 |
| Bruttoanlæg (ekskl. ældreboliger) | 32,5 |
| Øvrige udgifter | 1,5 |
| **Udgifter i alt** | **758,0** |
| Skatteindtægter | -591,8 |
| Bloktilskud mv. | -131,9 |
| Heraf betinget bloktilskud | -4,0 |
| Beskæftigelsestilskud | -22,1 |
| Øvrige indtægter | -12,6 |
| **Indtægter i alt** | **-758,4** |
[/tabel]

Anm.: Bloktilskud mv. omfatter det ekstraordinære finansieringstilskud. Negative beløb er indtægter.

### Pris- og lønudvikling

Der anvendes et skøn for den kommunale pris- og lønudvikling fra 2042 til 2043 på 2,8 pct. for de samlede udgifter inklusive overførsler. For serviceudgifterne ekskl. overførsler er skønnet 3,1 pct., og for anlægsudgifterne 2,6 pct. Satsreguleringsprocenten for 2043 er forudsat til 2,7 pct.

### Midtvejsregulering

Med aftalen for 2042 blev bloktilskuddet for 2041 nedreguleret med 1,8 mia. kr. Regeringen og KL er i år enige om at opregulere bloktilskuddet for 2042 med 0,9 mia. kr. som midtvejsregulering, heraf 0,3 mia. kr. som følge af DUT-sager. Reguleringen afspejler primært højere skønnede udgifter til overførsler.

### Bidrag til regionerne

Grundbidraget på udviklingsområdet udgjorde 176 kr. pr. indbygger i 2042. Pris- og lønreguleringen indebærer, at grundbidraget for 2043 udgør 181 kr. pr. indbygger. Reguleringen bygger på et skøn for den regionale pris- og lønudvikling fra 2042 til 2043 på 3,0 pct. inkl. medicin.

## Bilag 2. Skattefastsættelsen

Regeringen og KL er enige om, at kommunerne under ét skal fastholde et uændret skatteniveau i budgetåret. For at give plads til lokale prioriteringer etableres en ramme på 250 mio. kr. til nedsættelser af indkomstskatten og grundskylden med tilskud, og en tilsvarende ramme på 250 mio. kr. til forhøjelser.

Tilskuddet ydes i perioden 2043–2046 og udgør højst 75 pct. af provenutabet i 2043, 50 pct. i 2044, 50 pct. i 2045 og 25 pct. i 2046.

Kommuner, der ønsker at ændre skatten, skal søge Indenrigs- og Sundhedsministeriet inden den 1. august 2042. Ministeriet fordeler rammerne en gang for alle på grundlag af ansøgningerne, så den samlede skat ikke stiger.

Forhøjelser uden for rammen modregnes efter reglerne i lov om nedsættelse af statstilskuddet til kommuner ved forhøjelser af den kommunale skatteudskrivning.
