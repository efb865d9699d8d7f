@header Regeringen og KL · Aftale om kommunernes økonomi for 2009
@footer Side {page} · Aftaleteksten og Bilag 1-2
# Aftale om kommunernes
# økonomi for 2009
12. juni 2008

## Aftale

Regeringen og KL har i dag indgået aftale om kommunernes økonomi for 2009. Det er den tredje aftale efter kommunalreformen, og den første, hvor kvalitetsreformen og kvalitetsfonden sætter præg på de kommunale budgetter. De nye kommuner har nu to budgetår bag sig, og parterne konstaterer, at opgaveovergangen fra amterne i det store hele er gennemført uden brud i servicen over for borgerne.

Parterne lægger vægt på, at aftalen understøtter skattestoppet, at den offentlige sektor ikke lægger beslag på flere ressourcer, end økonomien kan bære, og at kommunerne får mulighed for at forbedre kvaliteten i den nære service gennem bedre ledelse, mindre bureaukrati og bedre fysiske rammer.

## 1. Den kommunale service i 2009

Kommunernes serviceudgifter kan samlet udgøre 218.380 mio. kr. (2009-pl) i 2009. Niveauet er fastlagt med udgangspunkt i aftalen for 2008, hvor serviceudgifterne var aftalt til 209.650 mio. kr. (2008-pl), svarende til 216.780 mio. kr. omregnet til 2009-priser.

Servicerammen løftes med 1.600 mio. kr. i forhold til niveauet i aftalen for 2008. Sammen med 400 mio. kr., som kommunerne selv frigør gennem afbureaukratisering og bedre indkøb, giver det et samlet aktivitetsløft i den borgernære service på 2.000 mio. kr. i 2009.

Løftet skal blandt andet anvendes til at dække det demografiske træk på ældreområdet og til at styrke dagtilbud og folkeskole. Parterne er enige om, at kommunernes budgetter for 2009 under ét skal holde sig inden for det aftalte niveau, og at regeringen og KL følger budgetlægningen tæt i efteråret 2008.

[boks Boks 1. Kvalitetsreformen og kvalitetsfonden]
Med kvalitetsreformen afsættes der i perioden 2009-2018 midler i en kvalitetsfond til investeringer i bedre fysiske rammer for folkeskoler, dagtilbud, ældreområdet og idrætsfaciliteter.

For kommunerne udgør statens medfinansiering via kvalitetsfonden 2.500 mio. kr. i 2009 og 2.800 mio. kr. årligt i 2010-2012. Fra 2013 forventes niveauet at stige til 3.200 mio. kr. årligt.

Kvalitetsfondsmidlerne udmøntes som et særskilt tilskud efter indbyggertal og forudsætter, at kommunerne under ét holder sig inden for anlægsrammen, jf. afsnit 2.
[/boks]

## 2. Anlæg og låneadgang

Rammen for de kommunale bruttoanlægsinvesteringer fastsættes til 16.350 mio. kr. i 2009 (ekskl. ældreboliger). Det er første gang, at parterne aftaler et egentligt anlægsloft for kommunerne under ét; i aftalen for 2008 var anlægsniveauet alene en forudsætning på 14.800 mio. kr. (2008-pl).

Anlægsloftet skal sikre, at det øgede investeringsniveau som følge af kvalitetsfonden indpasses i en samlet økonomi med begrænset kapacitet i bygge- og anlægssektoren. Parterne vil i 2010 drøfte, hvordan anlægsniveauet for de følgende år indrettes; den foreløbige plan indebærer en ramme på 16.900 mio. kr. i 2010.

Til støtte for investeringerne etableres følgende lånepuljer for 2009:

- en lånepulje på 1.000 mio. kr. til kvalitetsfondsprojekter, hvor kommunerne kan opnå låneadgang til den kommunale egenfinansiering,
- en lånepulje på 400 mio. kr. til kommuner med en særligt vanskelig likviditetssituation,
- en lånepulje på 250 mio. kr. til investeringer, som giver driftsbesparelser på sigt.

## 3. Finansiering og tilskud

Kommunernes økonomi balanceres i 2009 via bloktilskuddet, herunder det balancetilskud, der sikrer, at kommunernes samlede indtægter svarer til de aftalte udgifter. Den samlede balance fremgår af tabel 1 i bilag 1.

Der ydes i 2009 et ekstraordinært finansieringstilskud på 1.000 mio. kr. til kommunerne. Heraf fordeles 600 mio. kr. efter kommunernes grundlæggende økonomiske vilkår, mens 400 mio. kr. fordeles til kommuner med et lavt beskatningsgrundlag.

Bloktilskuddet for 2008 forhøjes ved midtvejsreguleringen med 1.120 mio. kr. som følge af et højere skøn for udgifterne til overførsler og en opjustering af pris- og lønudviklingen for 2008.

Bloktilskuddet efterreguleres desuden med -210 mio. kr. vedrørende den aktivitetsbestemte medfinansiering af sundhedsvæsenet i 2007, når regnskaberne foreligger.

Skønnet for pris- og lønudviklingen for de samlede kommunale udgifter fra 2008 til 2009 udgør 3,2 pct. De særskilte skøn fremgår af tabel 2 i bilag 1.

## 4. Skat

Skattestoppet videreføres i 2009. Kommunernes samlede skatteudskrivning må ikke stige. Forhøjer en kommune udskrivningsprocenten eller grundskyldspromillen, modregnes merprovenuet i kommunens bloktilskud, og modregningen gælder også for de efterfølgende år.

For at give plads til lokale tilpasninger indføres et tilskud til kommuner, der nedsætter skatten. Kommuner, der nedsætter udskrivningsprocenten for 2009, kan inden for en samlet ramme på 200 mio. kr. opnå tilskud. Tilskuddet udgør 75 pct. af provenutabet i 2009, 50 pct. i 2010 og 25 pct. i 2011. Der gives ikke tilskud herefter.

Ansøgninger om andel i rammen skal være indsendt inden budgetvedtagelsen. Er rammen overtegnet, fordeles den forholdsmæssigt.

## 5. Øvrige forhold

Parterne er enige om at fortsætte arbejdet med afbureaukratisering og regelforenkling, herunder færre dokumentationskrav på ældreområdet og i dagtilbud. Der nedsættes en arbejdsgruppe med deltagelse af KL og de relevante ministerier, som afrapporterer i foråret 2009.

Regeringen og KL er enige om at følge kommunernes budgetter for 2009 tæt. Viser budgetterne, at kommunerne under ét overskrider den aftalte ramme for serviceudgifter eller anlæg, vil regeringen tage initiativ til at drøfte konsekvenserne med KL.

[side]

## Bilag 1. Tabeller

Bilaget samler de talmæssige forudsætninger for aftalen. Alle beløb er opgjort i løbende priser for 2009 (2009-pl), medmindre andet er angivet, og de er afrundet til nærmeste 10 mio. kr. Summer kan derfor afvige en smule fra summen af de enkelte poster.

Budgetterne for 2008 er omregnet til 2009-priser med de skøn for pris- og lønudviklingen, der fremgår af tabel 2. Ved sammenligningen mellem budget 2008 og aftalen for 2009 er der korrigeret for opgaveændringer, som er aftalt efter budgetlægningen for 2008, herunder ændringer efter DUT-princippet.

Serviceudgifterne omfatter de kommunale nettodriftsudgifter eksklusive overførsler, den aktivitetsbestemte medfinansiering af sundhedsvæsenet og udgifter til forsyningsvirksomheder. Bruttoanlæg er opgjort eksklusive ældreboliger og eksklusive anlæg på forsyningsområdet.

Bloktilskuddet er opgjort inklusive balancetilskuddet, kvalitetsfondsmidlerne og det ekstraordinære finansieringstilskud, jf. afsnit 3 i aftaleteksten. Der er ikke i aftalen for 2009 knyttet betingelser til udbetalingen af en del af bloktilskuddet; den samlede overholdelse af rammerne følges i stedet løbende af parterne.

Øvrige udgifter omfatter navnlig renteudgifter og afdrag på lån, mens øvrige indtægter navnlig omfatter renteindtægter, salg af jord og bygninger samt låneoptagelse inden for lånepuljerne.

Skatterne omfatter kommunal indkomstskat, ejendomsskatter og selskabsskat. Skatteindtægterne er opgjort på grundlag af det statsgaranterede udskrivningsgrundlag og uændrede udskrivningsprocenter og grundskyldspromiller, jf. skattestoppet.

Overførslerne omfatter blandt andet kontanthjælp, førtidspension, boligstøtte og aktivering af ikke-forsikrede ledige. Skønnet for overførslerne er baseret på regeringens seneste vurdering af konjunkturudviklingen og vil blive revurderet ved midtvejsreguleringen i 2009.

Den aktivitetsbestemte medfinansiering af sundhedsvæsenet er opgjort på grundlag af det forventede aktivitetsniveau i regionerne og de aftalte takster. Eventuelle afvigelser mellem den forudsatte og den faktiske medfinansiering håndteres ved efterregulering, når regnskaberne foreligger, jf. afsnit 3.

Kvalitetsfondsmidlerne er indregnet i bloktilskuddet i tabel 1, men de udbetales særskilt og forudsætter, at de kommunale budgetter under ét overholder anlægsrammen. Lånepuljerne indgår ikke i tabellens udgifter, men alene som finansiering under øvrige indtægter i det omfang, kommunerne forventes at udnytte dem. Det forventede træk på lånepuljerne er skønnet på grundlag af erfaringerne fra tidligere år og kan afvige fra de afsatte beløb, hvis ansøgningerne fra kommunerne fordeler sig anderledes end forudsat.

Tabel 1 viser kommunernes samlede budgetforudsætninger i 2009 i forhold til budgetterne for 2008, begge opgjort i 2009-priser. Tallene er mio. kr. (2009-pl).

**Tabel 1. Kommunernes økonomi 2009**

[tabel]
| mio. kr. (2009-pl) | Budget 2008 | Aftale 2009 | Ændring |
| Serviceudgifter | 217.010 | 218.380 | 1.370 |
| Aktivitetsbestemt medfinansiering | 16.410 | 16.520 | 110 |
| Overførsler | 39.720 | 39.960 | 240 |
| Bruttoanlæg (ekskl. ældreboliger) | 15.980 | 16.350 | 370 |
| Øvrige udgifter (renter mv.) | 1.280 | 1.190 | -90 |
| Udgifter i alt | 290.400 | 292.400 | 2.000 |
| Skatter | -202.900 | -205.640 | -2.740 |
| Bloktilskud mv. (inkl. balancetilskud) | -75.300 | -74.110 | 1.190 |
| Øvrige indtægter | -11.400 | -11.630 | -230 |
| Indtægter i alt | -289.600 | -291.380 | -1.780 |
[/tabel]

Anm.: Indtægter er angivet med negativt fortegn. Bloktilskuddet er inklusive kvalitetsfondsmidler og finansieringstilskud.

**Tabel 2. Skøn for pris- og lønudviklingen 2008-2009**

[tabel]
| Udgiftsområde | Pct. |
| Serviceudgifter (ekskl. overførsler) | 3,4 |
| Anlægsudgifter | 3,0 |
| Samlede udgifter inkl. overførsler | 3,2 |
| Satsreguleringsprocent | 3,1 |
[/tabel]

## Bilag 2. Regionerne og kommunernes bidrag

[boks Boks 2. Regionernes økonomi i 2009]
Regeringen og Danske Regioner har samtidig indgået aftale om regionernes økonomi. Regionernes nettodriftsudgifter til sundhed udgør 85.400 mio. kr. i 2009, og rammen for regionernes anlæg på sundhedsområdet er 2.850 mio. kr. Regionernes udgifter til regional udvikling udgør 2.900 mio. kr.

Skønnet for den regionale pris- og lønudvikling på sundhedsområdet inkl. medicin udgør 3,6 pct. fra 2008 til 2009.
[/boks]

Kommunerne bidrager til finansieringen af regionernes opgaver med et grundbidrag og et aktivitetsbestemt bidrag på sundhedsområdet samt et udviklingsbidrag.

Udviklingsbidraget udgjorde 114 kr. pr. indbygger i 2008. Bidraget reguleres med den regionale pris- og lønudvikling inkl. medicin på 3,6 pct. og udgør derefter 118 kr. pr. indbygger i 2009.

Grundbidraget på sundhedsområdet er for 2009 fastsat til 1.072 kr. pr. indbygger, og det aktivitetsbestemte kommunale bidrag til sundhedsvæsenet forudsættes at udgøre 16.520 mio. kr., svarende til posten i tabel 1.
