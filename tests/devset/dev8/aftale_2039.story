@header Aftale om kommunernes økonomi for 2039 – juni 2038
@footer Regeringen og KL · side {page}

# Aftale om kommunernes
# økonomi for 2039

8. juni 2038

## 1. Indledning

Kommunerne har ansvaret for en stor del af de opgaver, som borgerne møder i hverdagen: dagtilbud og skole, pleje og omsorg for ældre, støtte til mennesker med handicap og en aktiv indsats for ledige. Regeringen og KL er enige om, at kommunerne også i 2039 skal have rammer, der gør det muligt at levere en tryg og nærværende velfærd, samtidig med at den offentlige økonomi holdes på et ansvarligt spor.

De kommende år er præget af, at antallet af ældre over 80 år vokser hurtigere end nogensinde tidligere, mens antallet af personer i den erhvervsaktive alder stort set er uændret. Det lægger et pres på både økonomien og rekrutteringen. Parterne er enige om, at der skal findes løsninger gennem bedre brug af teknologi, færre dokumentationskrav og en skarpere prioritering af de opgaver, der skaber mest værdi for borgerne.

Aftalen tager højde for de demografiske merudgifter og giver samtidig plads til en styrkelse af ældreplejen og det specialiserede socialområde. Kommunalbestyrelserne har inden for lovgivningens rammer ansvaret for den lokale prioritering, og regeringen bakker op om, at beslutningerne træffes tæt på borgerne.

Regeringen og KL er samtidig enige om at fortsætte arbejdet med at reducere den statslige regulering af kommunerne. Arbejdet skal frigøre tid hos medarbejderne og give kommunerne større frihed til at tilrettelægge opgaverne efter lokale forhold.

## 2. Økonomien i 2039

### Service

Udgangspunktet for servicerammen i 2039 er det kommunale udgiftsloft, som efter de tekniske korrektioner udgør 524,8 mia. kr. Regeringen og KL er enige om, at udgangspunktet løftes med 4,1 mia. kr. Servicerammen for kommunerne bliver dermed 528,9 mia. kr. i 2039. Hertil kommer de reguleringer, der følger af DUT-princippet mv.

Løftet skal ses sammen med de midler, som allerede er afsat på finansloven for 2038 til ældreplejen og til flere pædagoger i dagtilbud. Samlet set indebærer aftalen og finanslovsmidlerne et løft af den borgernære velfærd på 5,3 mia. kr. i 2039. Det er en forudsætning for aftalen, at udgifterne til administration reduceres med 0,4 mia. kr., og at frigjorte ressourcer anvendes til kerneopgaverne.

### Anlæg

Parterne er enige om, at bruttoanlægsudgifterne (ekskl. ældreboliger) i 2039 udgør 31,2 mia. kr. Det er 1,4 mia. kr. mere end det niveau, der blev aftalt for 2038, hvor anlægsrammen var 29,8 mia. kr. Inden for rammen prioriteres 0,8 mia. kr. til klimatilpasning og kystbeskyttelse.

### Betinget bloktilskud

For at understøtte budgetlovens udgiftslofter er 3 mia. kr. af bloktilskuddet i 2039 betinget af, at kommunerne under ét budgetterer inden for den aftalte serviceramme. Endvidere er 1 mia. kr. af bloktilskuddet betinget af, at de budgetterede bruttoanlægsudgifter holder sig inden for anlægsrammen, idet der tages hensyn til det samlede budgetterede niveau for service og anlæg.

[boks Boks 1 Budgetlovens udgiftslofter for kommunerne, mia. kr. (2039-pl)]
Udgiftslofterne er fastsat for en flerårig periode og rulles frem ét år ad gangen. Med finanslovsforslaget for 2039 fastsættes lofterne således:

- 2039: 524,8 mia. kr. (udgangspunkt før aftalens løft)
- 2040: 531,2 mia. kr.
- 2041: 533,9 mia. kr.
- 2042: 536,0 mia. kr.

Lofterne for årene efter 2039 er foreløbige og vil blive justeret ved de kommende aftaler.
[/boks]

Kommunernes samlede økonomi i 2039 fremgår af tabel 1. Tabellen viser også kommunernes budgetter for 2038, omregnet til 2039-priser, og forskellen mellem de to år. Det er aftalens kolonne, der danner grundlag for bloktilskuddet.

Parterne bemærker, at forskellen mellem budgetterne for 2038 og aftalen for 2039 især afspejler de demografiske merudgifter og den forventede udvikling i overførselsudgifterne, mens anlægsniveauet er lavere end det, kommunerne budgetterede med i 2038.

Regeringen og KL er enige om, at kommunerne under ét skal fastholde en robust likviditet, og at den langfristede gæld ikke skal stige i 2039. Parterne vil følge udviklingen i de kvartalsvise opgørelser og drøfte den på de løbende møder i Kontaktudvalget.

Kommunernes styring af udgifterne har i de senere år været præcis, og både budgetter og regnskaber har samlet set ligget inden for de aftalte rammer. Parterne er enige om, at det er vigtigt, at denne tradition fortsætter, så aftalesystemet fortsat har den nødvendige troværdighed.

Regeringen og KL er endvidere enige om, at særtilskudspuljen til særligt vanskeligt stillede kommuner videreføres på 950 mio. kr. i 2039, og at der afsættes en lånepulje på 250 mio. kr. til anlægsinvesteringer i kommuner med et særligt behov. Puljerne fordeles efter ansøgning på grundlag af en samlet vurdering af den enkelte kommunes økonomiske situation, herunder udviklingen i likviditet, gæld og strukturelle forhold. Parterne er enige om at evaluere puljernes anvendelse inden forhandlingerne om økonomien for 2041.

Parterne er desuden enige om, at kommunernes udgifter til eksterne konsulenter fortsat skal nedbringes, og at KL i samarbejde med Indenrigs- og Sundhedsministeriet udarbejder en årlig opgørelse af udviklingen. De første opgørelser viser, at udgifterne er faldet, men at der er store forskelle mellem kommunerne. Regeringen og KL vil derfor udbrede erfaringer fra de kommuner, der har haft størst succes med at bruge egne medarbejdere til opgaver, som tidligere blev løst af konsulenter, og drøfte resultaterne i forbindelse med forhandlingerne om økonomien for 2040.

**Tabel 1 Kommunernes finansiering og udgifter**

[tabel]
| Mio. kr., 2039-pl | Budget 2038 (2039-pl) | Aftale 2039 | Ændring |
| Serviceudgifter (nettodriftsudgifter) | 525.610 | 528.900 | 3.290 |
| Indkomstoverførsler | 149.870 | 152.480 | 2.610 |
| Forsørgelse og aktivering af forsikrede ledige | 23.480 | 24.170 | 690 |
| Medfinansiering af sundhedsvæsenet (aktivitetsbestemt) | 40.220 | 41.350 | 1.130 |
| Anlæg, brutto (ekskl. ældreboliger) | 32.050 | 31.200 | -850 |
| Andre udgifter | 1.610 | 1.640 | 30 |
| Udgifter i alt | 772.840 | 779.740 | 6.900 |
| Kommunal indkomst- og ejendomsskat | -581.200 | -590.310 | -9.110 |
| Bloktilskud fra staten | -156.770 | -158.580 | -1.810 |
| – heraf betinget bloktilskud | -4.000 | -4.000 | 0 |
| Tilskud vedrørende forsikrede ledige (beskæftigelsestilskud) | -23.480 | -24.170 | -690 |
| Andre indtægter | -12.130 | -11.840 | 290 |
| Finansiering i alt | -773.580 | -784.900 | -11.320 |
[/tabel]

Anm.: Indtægter er angivet med negativt fortegn. Kolonnen for 2038 viser de vedtagne budgetter, ikke aftalen for 2038.

[boks Boks 2 Nøgletal for kommunernes økonomi i 2039]
- Serviceramme: 528,9 mia. kr. (aftalen for 2038: 509,6 mia. kr. i 2038-pl)
- Løft af udgangspunktet for servicerammen: 4,1 mia. kr.
- Anlægsramme (bruttoanlæg ekskl. ældreboliger): 31,2 mia. kr.
- Betinget bloktilskud: i alt 4,0 mia. kr., heraf 3,0 mia. kr. vedrørende service og 1,0 mia. kr. vedrørende anlæg
- Overførsler inkl. forsikrede ledige: 176,7 mia. kr.
- Midtvejsregulering vedrørende 2038: -1,2 mia. kr.
- Ekstraordinært finansieringstilskud: 2,0 mia. kr.
[/boks]

## 3. Tilskud, regulering og skat

### Midtvejsregulering

Regeringen og KL er enige om, at bloktilskuddet for 2038 nedreguleres med 1,2 mia. kr. ved midtvejsreguleringen. Nedreguleringen afspejler lavere skøn for overførselsudgifterne samt for pris- og lønudviklingen, i alt 1,5 mia. kr., hvoraf 0,3 mia. kr. modsvares af en opregulering som følge af DUT-sager. Beskæftigelsestilskuddet for 2038 reguleres særskilt og forhøjes med 0,4 mia. kr. som følge af en højere ledighed end forudsat.

### Finansieringstilskud

Parterne er enige om, at der i 2039 ydes et ekstraordinært finansieringstilskud på 2,0 mia. kr. (1,5 mia. kr. i 2038). Heraf fordeles 1,0 mia. kr. efter kommunernes grundlæggende økonomiske vilkår, mens resten fordeles til alle kommuner efter indbyggertal.

### Skattefastsættelse

Regeringen og KL er enige om, at kommunernes skat under ét skal være uændret i 2039. For at give plads til lokale forskelle etableres en ramme på 200 mio. kr. til nedsættelser af indkomstskatten med tilskud samt en lige så stor ramme på 200 mio. kr. til forhøjelser. Tilskuddet kan højst dække 75 pct. af provenutabet i 2039, 50 pct. i 2040 og i 2041 og 25 pct. i 2042. Kommunerne skal ansøge om at få andel i rammerne, inden budgetterne vedtages. Hvis skatten alligevel stiger under ét, vil bloktilskuddet blive reguleret efter de gældende regler.

### Pris- og lønudvikling

Skønnene for pris- og lønudviklingen fra 2038 til 2039 for de samlede udgifter, for serviceudgifterne og for anlægsudgifterne samt satsreguleringsprocenten fremgår af bilag 1.

### Bidrag til regionerne

Kommunernes grundbidrag på udviklingsområdet blev for 2038 fastsat til 151 kr. pr. indbygger. Pris- og lønreguleringen betyder, at udgangspunktet for fastsættelsen af bidraget i 2039 bliver 156 kr. pr. indbygger. Der er regnet med en regional pris- og lønudvikling fra 2038 til 2039 på 3,1 pct. inkl. medicin. Aftalen med Danske Regioner for 2039 indebærer et løft af sundhedsområdet på 2,6 mia. kr., som ikke indgår i kommunernes rammer.

## 4. Ældre og omsorg

Flere ældre betyder, at efterspørgslen efter hjemmepleje, plejeboliger og genoptræning vokser år for år. Parterne er enige om, at kommunerne skal have mulighed for at tilrettelægge ældreplejen, så den ældre oplever kontinuitet og færre skift mellem medarbejdere. Regeringen vil fremsætte lovforslag, der giver plejecentre større frihed til at organisere sig i selvstyrende teams.

Regeringen og KL er enige om at igangsætte et fælles arbejde med at udbrede velfærdsteknologi, der virker, fx skærmbesøg og sensorer, som kan frigøre tid til omsorg. Arbejdet afrapporteres inden forhandlingerne om økonomien for 2040.

## 5. Børn og unge

Kommunerne skal fortsat sikre dagtilbud og skoler af høj kvalitet. Parterne er enige om at følge op på minimumsnormeringerne og på anvendelsen af de midler, der er afsat til flere lærere i folkeskolen. Opfølgningen sker på baggrund af de nyeste data fra Danmarks Statistik.

Regeringen og KL er enige om at forenkle reglerne for den pædagogiske dokumentation, så medarbejderne kan bruge mere tid sammen med børnene.

[side]

## Bilag 1. Pris- og lønskøn

Tabellen viser de skøn for pris- og lønudviklingen, der ligger til grund for aftalen. Skønnet for 2038–2039 er det, der anvendes ved opregningen af bloktilskuddet for 2039. Kolonnen for 2039–2040 er en teknisk fremskrivning.

[tabel]
| Pct. | 2037–2038 (revideret) | 2038–2039 | 2039–2040 (teknisk) |
| Serviceudgifter (ekskl. overførsler) | 3,4 | 3,0 | 2,7 |
| Anlægsudgifter | 2,9 | 2,6 | 2,4 |
| Samlede udgifter inkl. overførsler | 3,2 | 2,9 | 2,6 |
| Satsreguleringsprocent | 3,1 | 2,8 | – |
| Regioner, sundhed inkl. medicin | 3,5 | 3,1 | – |
[/tabel]
